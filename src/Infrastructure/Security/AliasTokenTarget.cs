using AliasService.Domain.Aliases;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// What an alias token is verified against: the alias id its <c>alias</c> claim must name (null offline without one:
/// not checked), the organization whose registered keys a <c>kid</c> may name, the HMAC secrets in force, and the
/// alias's revocations.
/// </summary>
public sealed record AliasTokenTarget(
    string? AliasId,
    string OrganizationId,
    string? JwtSecret,
    string? PreviousJwtSecret,
    Func<string?, long?, IReadOnlyList<AppliedRevocation>> RevocationsCovering)
{
    /// <summary>The alias as stored, with its previous secret while a rotation's overlap lasts at <paramref name="now"/>.</summary>
    public static AliasTokenTarget For(Alias alias, long now)
    {
        ArgumentNullException.ThrowIfNull(alias);
        return new(alias.Id, alias.OrganizationId, alias.JwtSecret, alias.PreviousJwtSecretAt(now), alias.RevocationsCovering);
    }

    /// <summary>A locally supplied secret (or none, with a public key), without revocations: the command line's <c>token inspect</c>.</summary>
    public static AliasTokenTarget Offline(string? aliasId, string? jwtSecret) => new(aliasId, string.Empty, jwtSecret, null, static (_, _) => []);
}
