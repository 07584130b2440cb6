using MediatR;

namespace AliasService.Application.ApiKeys.Commands.RevokeApiKey;

/// <summary>Revokes an API key: tokens signed with it fail from the next request on. Never the last active key.</summary>
public sealed record RevokeApiKeyCommand(string OrganizationId, string Id) : IRequest<ApiKeyDto>;
