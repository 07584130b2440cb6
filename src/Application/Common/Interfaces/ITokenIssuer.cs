using AliasService.Application.Common.Models;

namespace AliasService.Application.Common.Interfaces;

/// <summary>Mints organization tokens and alias tokens (docs/api.md, "Tokens").</summary>
public interface ITokenIssuer
{
    /// <summary>An HS256 organization token: header <c>kid</c> = the API key id, <c>exp</c> = now + <paramref name="lifetime"/>.</summary>
    IssuedToken IssueOrganizationToken(string apiKeyId, string apiSecret, TimeSpan lifetime);

    /// <summary>An HS256 alias token with the claims (<c>alias</c>, <c>user_id</c>, <c>host</c>, <c>expires_in</c>) plus <c>iat</c> and <c>exp</c>.</summary>
    IssuedToken IssueAliasToken(string aliasId, string jwtSecret, string? userId, bool host, TimeSpan lifetime);
}
