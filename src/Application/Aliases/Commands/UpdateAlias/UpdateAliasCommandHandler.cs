using AliasService.Application.Common.Exceptions;
using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AutoMapper;
using MediatR;

namespace AliasService.Application.Aliases.Commands.UpdateAlias;

/// <summary>
/// Applies a partial update to the alias as it is when the update is saved: when another update won the race, the
/// alias is read again and the change applied to what that one left, so concurrent updates of different fields all
/// succeed and all are kept. A conditional update (<see cref="UpdateAliasCommand.ExpectedVersions"/>) is refused
/// instead once the alias has another version.
/// </summary>
public sealed class UpdateAliasCommandHandler(IAliasRepository aliases, IUnitOfWork unitOfWork, TimeProvider clock, IMapper mapper)
    : IRequestHandler<UpdateAliasCommand, AliasDto>
{
    /// <summary>Enough for any realistic contention on one alias; beyond it the conflict is reported (409).</summary>
    public const int MaxAttempts = 10;

    public async Task<AliasDto> Handle(UpdateAliasCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changes = new AliasChanges
        {
            // Parsed, never defaulted: text that is no type is refused here too, whatever ran before.
            Type = request.Type.HasValue ? AliasTypes.Parse(request.Type.Value) : Optional<AliasType>.Absent,
            Name = request.Name,
            Passcode = request.Passcode,
            JwtSecret = request.JwtSecret,
            StreamKey = request.StreamKey,
            ExpiredAt = request.ExpiredAt,
        };

        for (var attempt = 1; ; attempt++)
        {
            var alias = await aliases.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new AliasNotFoundException(request.Id);
            if (request.ExpectedVersions is { } expected && !expected.Contains(alias.Version))
            {
                throw new PreconditionFailedException();
            }

            alias.Update(changes, clock);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return mapper.Map<AliasDto>(alias.ViewFor(AliasViewer.Owner));
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                unitOfWork.DiscardChanges();
            }
        }
    }
}
