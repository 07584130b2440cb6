namespace AliasService.Infrastructure.Caching;

/// <summary>A registered JWT key as alias token verification needs it (the public key, never a secret).</summary>
public sealed record RegisteredJwtKey(string Id, string OrganizationId, string PublicKeyPem, string Algorithm, string Fingerprint);
