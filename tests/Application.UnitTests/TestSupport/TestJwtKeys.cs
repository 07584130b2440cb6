using AliasService.Domain.JwtKeys;

namespace AliasService.Application.UnitTests.TestSupport;

/// <summary>JWT keys built through the real aggregate factory, over a key the (mocked) reader has already accepted.</summary>
internal static class TestJwtKeys
{
    public const string Pem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----";

    public static readonly PublicKeyInfo Info = new(Pem, "ES256", "thumbprint-base64url");

    public static JwtKey Create(TimeProvider clock, string name = "backend", string organizationId = TestAliases.OrganizationId) =>
        JwtKey.Create(organizationId, name, Info, clock);
}
