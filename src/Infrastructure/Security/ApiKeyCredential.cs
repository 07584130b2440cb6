namespace AliasService.Infrastructure.Security;

/// <summary>
/// An unrevoked API key as token validation needs it: who it belongs to, its HMAC secret, when its use was last
/// recorded and when it ends by itself (expiry or scheduled revocation), checked at every use.
/// </summary>
public sealed record ApiKeyCredential(string KeyId, string OrganizationId, string Secret, long? LastUsedAt, long? ExpiresAt = null)
{
    public override string ToString() => $"ApiKeyCredential {{ KeyId = {KeyId}, OrganizationId = {OrganizationId} }}";
}
