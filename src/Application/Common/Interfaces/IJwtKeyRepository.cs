using AliasService.Application.Common.Paging;
using AliasService.Domain.JwtKeys;

namespace AliasService.Application.Common.Interfaces;

/// <summary>Persistence port for JWT keys; every lookup is scoped to one organization.</summary>
public interface IJwtKeyRepository
{
    Task<JwtKey?> FindOwnedAsync(string organizationId, string keyId, CancellationToken cancellationToken);

    /// <summary>Newest first ((created_at, id) descending), strictly after <paramref name="after"/> when given.</summary>
    Task<IReadOnlyList<JwtKey>> ListAsync(string organizationId, KeysetCursor? after, int take, CancellationToken cancellationToken);

    void Add(JwtKey key);

    void Remove(JwtKey key);
}
