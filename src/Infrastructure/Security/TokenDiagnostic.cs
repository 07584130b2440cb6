namespace AliasService.Infrastructure.Security;

/// <summary>
/// Precise causes of a refused alias token that the public 401 must not tell apart (they would reveal whether an
/// alias has a jwt_secret and how long it is): publicly they are all <see cref="TokenFailureReason.BadSignature"/>.
/// Kept in <see cref="Application.Common.Models.CredentialRefusal.PreciseReason"/> for the owner only.
/// </summary>
public static class TokenDiagnostic
{
    public const string NoJwtSecret = "no_jwt_secret";
    public const string Hs384SecretTooShort = "hs384_secret_too_short";
    public const string Hs512SecretTooShort = "hs512_secret_too_short";
}
