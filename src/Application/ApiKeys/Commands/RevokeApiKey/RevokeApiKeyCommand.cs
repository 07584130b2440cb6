using MediatR;

namespace AliasService.Application.ApiKeys.Commands.RevokeApiKey;

/// <summary>Revokes an API key now, or <see cref="After"/> seconds from now: tokens signed with it fail from then on. Never the last lasting key.</summary>
public sealed record RevokeApiKeyCommand(string OrganizationId, string Id, long? After = null) : IRequest<ApiKeyDto>;
