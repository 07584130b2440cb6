using MediatR;

namespace AliasService.Application.Aliases.Queries.ListAliases;

/// <summary>Lists the organization's aliases newest first, optionally of one type, one keyset page at a time.</summary>
public sealed record ListAliasesQuery(string OrganizationId, string? Type, string? After, int? Limit) : IRequest<AliasListDto>
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
}
