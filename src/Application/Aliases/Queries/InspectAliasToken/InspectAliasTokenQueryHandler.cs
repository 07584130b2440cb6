using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using MediatR;

namespace AliasService.Application.Aliases.Queries.InspectAliasToken;

/// <summary>
/// Verifies with <see cref="IAliasTokenVerifier"/>, exactly as public retrieval does, and shows the owner the whole
/// decision. The precise causes public retrieval folds into <c>bad_signature</c> are named and explained here.
/// </summary>
public sealed class InspectAliasTokenQueryHandler(IAliasRepository aliases, IAliasTokenVerifier tokens, TimeProvider clock)
    : IRequestHandler<InspectAliasTokenQuery, TokenInspectionDto>
{
    private static readonly Dictionary<string, string> PreciseCauses = new(StringComparer.Ordinal)
    {
        ["no_jwt_secret"] = "The alias has no jwt_secret, so no HMAC-signed token can verify (the public answer is bad_signature): set a secret, or sign with a registered JWT key.",
        ["hs384_secret_too_short"] = "The alias's jwt_secret is shorter than 48 bytes, too short for HS384 (RFC 7518 section 3.2; the public answer is bad_signature): sign HS256, or rotate to a longer secret.",
        ["hs512_secret_too_short"] = "The alias's jwt_secret is shorter than 64 bytes, too short for HS512 (RFC 7518 section 3.2; the public answer is bad_signature): sign HS256, or rotate to a longer secret.",
    };

    public async Task<TokenInspectionDto> Handle(InspectAliasTokenQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alias = await aliases.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new AliasNotFoundException(request.Id);
        var verification = await tokens.VerifyAsync(request.Token, alias, cancellationToken).ConfigureAwait(false);
        var view = verification.IsValid ? (verification.Host ? "host" : "public") : null;
        var description = verification.IsValid
            ? $"The token is valid: public retrieval answers the {view} view{(alias.IsExpired(clock) ? ", or 410 while the alias is expired" : string.Empty)}."
            : PreciseCauses.GetValueOrDefault(verification.Refusal!.PreciseReason) ?? verification.Refusal.Description;
        return new TokenInspectionDto
        {
            Valid = verification.IsValid,
            Reason = verification.Refusal?.PreciseReason,
            Description = description,
            Algorithm = verification.Algorithm,
            Key = verification.Key,
            Header = verification.Header,
            Claims = verification.Claims,
            IssuedAt = verification.IssuedAt,
            NotBefore = verification.NotBefore,
            ExpiresAt = verification.ExpiresAt,
            ServerTime = UnixTime.Now(clock),
            ClockSkewSeconds = verification.ClockSkewSeconds,
            View = view,
            Revocations = verification.Revocations.Select(r => new TokenRevocationDto(alias.Id, r.UserId, r.RevokedAt)).ToList(),
        };
    }
}
