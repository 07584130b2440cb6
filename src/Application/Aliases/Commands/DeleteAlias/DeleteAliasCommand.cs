using AliasService.Application.AccessEvents;
using AliasService.Domain.AccessEvents;
using MediatR;

namespace AliasService.Application.Aliases.Commands.DeleteAlias;

/// <summary>Deletes one of the organization's aliases.</summary>
public sealed record DeleteAliasCommand(string OrganizationId, string Id) : IRequest<Unit>, IRecordedAliasChange<Unit>
{
    public AliasChange Describe(Unit response) => new(Id, AccessOutcomes.Deleted, []);
}
