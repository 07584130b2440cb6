using System.Text.Json;
using AliasService.Domain.Aliases;

namespace AliasService.Application.Common.Models;

/// <summary>
/// The verifier's whole decision on one alias token: valid or refused (<see cref="Refusal"/>: the public reason and the
/// precise one only the alias's owner may see), and what the token showed on the way (algorithm,
/// the key that verified it or would have, decoded header and claims, its times, any revocation that covers it).
/// Public retrieval uses only the verdict and the public reason; token inspection shows the rest to the owner. Never
/// holds a secret or the signature.
/// </summary>
public sealed record AliasTokenVerification
{
    public bool IsValid { get; init; }

    public bool Host { get; init; }

    /// <summary>Why the token was refused (null when valid): the public reason and the precise one for the owner.</summary>
    public CredentialRefusal? Refusal { get; init; }

    /// <summary>The header's <c>alg</c>, once the token's structure could be read.</summary>
    public string? Algorithm { get; init; }

    /// <summary>
    /// Which key verified the token, or would have: <c>jwt_secret</c>, <c>previous_jwt_secret</c> (during a rotation's
    /// overlap) or the registered JWT key id (<c>kid</c>). Never the key itself.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>The decoded header, once the token's structure could be read.</summary>
    public JsonElement? Header { get; init; }

    /// <summary>The decoded payload, once the token's structure could be read.</summary>
    public JsonElement? Claims { get; init; }

    /// <summary>The <c>user_id</c> claim when it is a string.</summary>
    public string? UserId { get; init; }

    public long? IssuedAt { get; init; }

    public long? NotBefore { get; init; }

    /// <summary>The effective expiry: the earlier of <c>exp</c> and <c>iat</c> + <c>expires_in</c>.</summary>
    public long? ExpiresAt { get; init; }

    /// <summary>The clock skew the time checks allowed, in seconds.</summary>
    public long ClockSkewSeconds { get; init; }

    /// <summary>The revocations of the alias that cover this token (empty when none does).</summary>
    public IReadOnlyList<AppliedRevocation> Revocations { get; init; } = [];

    /// <summary>A refused verification with what was learnt about the token so far.</summary>
    public AliasTokenVerification Refuse(CredentialRefusal refusal) => this with { IsValid = false, Host = false, Refusal = refusal };

    public static AliasTokenVerification Valid(bool host) => new() { IsValid = true, Host = host };

    public static AliasTokenVerification Refused(string reason, string description, string? preciseReason = null) =>
        new AliasTokenVerification().Refuse(CredentialRefusal.OfToken(reason, description, preciseReason));
}
