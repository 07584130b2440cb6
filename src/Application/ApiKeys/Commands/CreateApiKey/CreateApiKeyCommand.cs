using MediatR;

namespace AliasService.Application.ApiKeys.Commands.CreateApiKey;

/// <summary>Issues a new API key for the organization (rotation step 1).</summary>
public sealed record CreateApiKeyCommand(string OrganizationId, long? ExpiresIn = null) : IRequest<CreatedApiKeyDto>;
