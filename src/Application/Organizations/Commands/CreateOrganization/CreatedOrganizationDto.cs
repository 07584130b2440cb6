namespace AliasService.Application.Organizations.Commands.CreateOrganization;

/// <summary>The new organization's id and its first API key; the secret is never shown again.</summary>
public sealed record CreatedOrganizationDto(string OrganizationId, string ApiKey, string ApiSecret);
