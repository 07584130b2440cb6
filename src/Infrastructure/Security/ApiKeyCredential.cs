namespace AliasService.Infrastructure.Security;

/// <summary>An active API key as token validation needs it: who it belongs to and its HMAC secret.</summary>
public sealed record ApiKeyCredential(string KeyId, string OrganizationId, string Secret)
{
    public override string ToString() => $"ApiKeyCredential {{ KeyId = {KeyId}, OrganizationId = {OrganizationId} }}";
}
