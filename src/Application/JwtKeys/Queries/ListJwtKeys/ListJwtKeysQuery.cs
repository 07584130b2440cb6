using MediatR;

namespace AliasService.Application.JwtKeys.Queries.ListJwtKeys;

/// <summary>The organization's JWT keys, newest first, one keyset page at a time.</summary>
public sealed record ListJwtKeysQuery(string OrganizationId, string? After, int? Limit) : IRequest<JwtKeyListDto>
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
}
