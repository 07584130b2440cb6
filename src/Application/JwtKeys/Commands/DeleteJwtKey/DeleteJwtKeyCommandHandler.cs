using AliasService.Application.Common.Interfaces;
using AliasService.Domain.JwtKeys;
using MediatR;

namespace AliasService.Application.JwtKeys.Commands.DeleteJwtKey;

public sealed class DeleteJwtKeyCommandHandler(IJwtKeyRepository keys, IUnitOfWork unitOfWork) : IRequestHandler<DeleteJwtKeyCommand, Unit>
{
    public async Task<Unit> Handle(DeleteJwtKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new JwtKeyNotFoundException(request.Id);
        keys.Remove(key);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
