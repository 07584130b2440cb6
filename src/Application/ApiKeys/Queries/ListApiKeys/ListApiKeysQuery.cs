using MediatR;

namespace AliasService.Application.ApiKeys.Queries.ListApiKeys;

/// <summary>All of the organization's API keys, newest first, without secrets.</summary>
public sealed record ListApiKeysQuery(string OrganizationId) : IRequest<IReadOnlyList<ApiKeyDto>>;
