using MediatR;

namespace AliasService.Application.Organizations.Commands.CreateOrganization;

/// <summary>Creates an organization and its first API key (command line only).</summary>
public sealed record CreateOrganizationCommand(string? Name) : IRequest<CreatedOrganizationDto>;
