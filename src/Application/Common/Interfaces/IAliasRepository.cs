using AliasService.Application.Common.Paging;
using AliasService.Domain.Aliases;

namespace AliasService.Application.Common.Interfaces;

/// <summary>Persistence port for the <see cref="Alias"/> aggregate; every organization-side lookup is tenant-scoped.</summary>
public interface IAliasRepository
{
    /// <summary>The organization's alias with this id, tracked for update; null when missing or another organization's.</summary>
    Task<Alias?> FindOwnedAsync(string organizationId, string aliasId, CancellationToken cancellationToken);

    /// <summary>Any organization's alias with this id, read-only (public retrieval).</summary>
    Task<Alias?> FindAsync(string aliasId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the organization's aliases, newest first ((inserted_at, id) descending), strictly after
    /// <paramref name="after"/> when given.
    /// </summary>
    Task<IReadOnlyList<Alias>> ListAsync(string organizationId, AliasType? type, KeysetCursor? after, int take, CancellationToken cancellationToken);

    void Add(Alias alias);

    void Remove(Alias alias);
}
