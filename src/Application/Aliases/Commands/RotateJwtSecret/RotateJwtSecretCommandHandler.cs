using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Persistence;
using AliasService.Domain.Aliases;
using MediatR;

namespace AliasService.Application.Aliases.Commands.RotateJwtSecret;

/// <summary>Rotates on the alias aggregate; a concurrent change of the alias makes it run again on what was saved.</summary>
public sealed class RotateJwtSecretCommandHandler(IAliasRepository aliases, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<RotateJwtSecretCommand, JwtSecretRotationDto>
{
    public async Task<JwtSecretRotationDto> Handle(RotateJwtSecretCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await unitOfWork.SaveWithRetryAsync(
            async () =>
            {
                var alias = await aliases.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
                    ?? throw new AliasNotFoundException(request.Id);
                var previousValidUntil = alias.RotateJwtSecret(request.JwtSecret, request.PreviousValidFor ?? 0, clock);
                return new JwtSecretRotationDto(alias.JwtSecret!, previousValidUntil);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
