using MediatR;

namespace AliasService.Application.Aliases.Commands.CreateAlias;

/// <summary>Creates an alias for the calling organization; answers its owner view.</summary>
public sealed record CreateAliasCommand(
    string OrganizationId,
    string? Type,
    string? Name,
    string? Passcode,
    string? JwtSecret,
    string? StreamKey,
    long? ExpiredAt) : IRequest<AliasDto>;
