using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Aliases;
using MediatR;

namespace AliasService.Application.Aliases.Commands.DeleteAlias;

/// <summary>Removes the organization's alias; another organization's id answers like a missing one.</summary>
public sealed class DeleteAliasCommandHandler(IAliasRepository aliases, IUnitOfWork unitOfWork)
    : IRequestHandler<DeleteAliasCommand, Unit>
{
    public async Task<Unit> Handle(DeleteAliasCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alias = await aliases.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new AliasNotFoundException(request.Id);
        aliases.Remove(alias);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
