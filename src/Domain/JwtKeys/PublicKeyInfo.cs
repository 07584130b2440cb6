namespace AliasService.Domain.JwtKeys;

/// <summary>A parsed, accepted public key: normalized SPKI PEM, its algorithm family and RFC 7638 thumbprint.</summary>
public sealed record PublicKeyInfo(string Pem, string Algorithm, string Fingerprint);
