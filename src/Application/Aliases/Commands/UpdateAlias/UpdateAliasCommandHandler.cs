using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AutoMapper;
using MediatR;

namespace AliasService.Application.Aliases.Commands.UpdateAlias;

/// <summary>Loads the organization's alias, applies the partial update through the aggregate, saves.</summary>
public sealed class UpdateAliasCommandHandler(IAliasRepository aliases, IUnitOfWork unitOfWork, TimeProvider clock, IMapper mapper)
    : IRequestHandler<UpdateAliasCommand, AliasDto>
{
    public async Task<AliasDto> Handle(UpdateAliasCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alias = await aliases.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new AliasNotFoundException(request.Id);

        var changes = new AliasChanges
        {
            Type = request.Type.HasValue && AliasTypes.TryParse(request.Type.Value, out var type) ? type : Optional<AliasType>.Absent,
            Name = request.Name,
            Passcode = request.Passcode,
            JwtSecret = request.JwtSecret,
            StreamKey = request.StreamKey,
            ExpiredAt = request.ExpiredAt is { HasValue: true, Value: { } expiredAt } ? expiredAt : Optional<long>.Absent,
        };
        alias.Update(changes, clock);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<AliasDto>(alias.ViewFor(AliasViewer.Owner));
    }
}
