using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Persistence;
using AliasService.Domain.Aliases;
using MediatR;

namespace AliasService.Application.Aliases.Commands.RotateStreamKey;

/// <summary>Rotates on the alias aggregate; a concurrent change of the alias makes it run again on what was saved.</summary>
public sealed class RotateStreamKeyCommandHandler(IAliasRepository aliases, IUnitOfWork unitOfWork)
    : IRequestHandler<RotateStreamKeyCommand, StreamKeyRotationDto>
{
    public async Task<StreamKeyRotationDto> Handle(RotateStreamKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await unitOfWork.SaveWithRetryAsync(
            async () =>
            {
                var alias = await aliases.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
                    ?? throw new AliasNotFoundException(request.Id);
                return new StreamKeyRotationDto(alias.RotateStreamKey());
            },
            cancellationToken).ConfigureAwait(false);
    }
}
