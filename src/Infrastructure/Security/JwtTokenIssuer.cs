using System.Text;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AliasService.Infrastructure.Security;

/// <summary>Mints HS256 tokens with <see cref="JsonWebTokenHandler"/>; times come from the injected clock.</summary>
public sealed class JwtTokenIssuer(TimeProvider clock) : ITokenIssuer
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken IssueOrganizationToken(string apiKeyId, string apiSecret, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKeyId);
        ArgumentException.ThrowIfNullOrEmpty(apiSecret);
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(apiSecret)) { KeyId = apiKeyId };
        return Issue(key, new Dictionary<string, object>(StringComparer.Ordinal), lifetime);
    }

    public IssuedToken IssueAliasToken(string aliasId, string jwtSecret, string? userId, bool host, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(aliasId);
        ArgumentException.ThrowIfNullOrEmpty(jwtSecret);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["alias"] = aliasId,
            ["host"] = host,
            ["expires_in"] = (long)lifetime.TotalSeconds,
        };
        if (userId is not null)
        {
            claims["user_id"] = userId;
        }

        return Issue(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwtSecret)), claims, lifetime);
    }

    private IssuedToken Issue(SymmetricSecurityKey key, Dictionary<string, object> claims, TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);

        // Whole seconds, so iat + expires_in equals exp exactly.
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var expires = now.Add(TimeSpan.FromSeconds(Math.Floor(lifetime.TotalSeconds)));
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, expires.ToUnixTimeSeconds());
    }
}
