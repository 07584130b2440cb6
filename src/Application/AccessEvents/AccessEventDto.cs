using AliasService.Domain.AccessEvents;

namespace AliasService.Application.AccessEvents;

/// <summary>One access event as the owner sees it (docs/api.md, "Access events").</summary>
public sealed record AccessEventDto(
    long Id,
    long OccurredAt,
    string Kind,
    string Outcome,
    string? Reason,
    string? Credential,
    string? UserId,
    string? ClientAddress,
    string? ApiKeyId,
    IReadOnlyList<string> ChangedFields)
{
    public static AccessEventDto From(AccessEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.OccurredAt, e.Kind, e.Outcome, e.Reason, e.Credential, e.UserId, e.ClientAddress, e.ApiKeyId, e.ChangedFieldNames());
    }
}
