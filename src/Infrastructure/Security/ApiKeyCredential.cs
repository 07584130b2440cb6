namespace AliasService.Infrastructure.Security;

/// <summary>An active API key as token validation needs it: who it belongs to, its HMAC secret and when its use was last recorded.</summary>
public sealed record ApiKeyCredential(string KeyId, string OrganizationId, string Secret, long? LastUsedAt)
{
    public override string ToString() => $"ApiKeyCredential {{ KeyId = {KeyId}, OrganizationId = {OrganizationId} }}";
}
