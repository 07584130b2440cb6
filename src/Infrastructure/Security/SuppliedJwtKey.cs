using AliasService.Infrastructure.Caching;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// One public key supplied on the command line (offline inspection): it stands for whatever <c>kid</c> the token
/// names, since there is no registry to look the kid up in. Null: no key was supplied (every kid is unknown).
/// </summary>
public sealed class SuppliedJwtKey(RegisteredJwtKey? key) : IRegisteredJwtKeys
{
    public Task<RegisteredJwtKey?> FindAsync(string organizationId, string? keyId, CancellationToken cancellationToken) =>
        Task.FromResult<RegisteredJwtKey?>(key);
}
