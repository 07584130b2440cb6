using System.Text.Json.Nodes;
using AliasService.Application.AccessEvents;
using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Commands.MintAliasToken;
using AliasService.Application.Aliases.Commands.RotateJwtSecret;
using AliasService.Application.Aliases.Commands.RotateStreamKey;
using AliasService.Application.Aliases.Queries.InspectAliasToken;
using AliasService.Application.JwtKeys;
using AliasService.WebApi.Contracts;
using AliasService.WebApi.Errors;

namespace AliasService.WebApi.OpenApi;

/// <summary>
/// The document's examples. Request examples succeed as they are when sent from <c>/docs</c> with an organization
/// token: the expiry is far in the future (2100-01-01) and the public key is a complete RSA 2048 key (tests send them).
/// </summary>
internal static class OpenApiExamples
{
    /// <summary>2100-01-01T00:00:00Z in Unix seconds.</summary>
    public const long FarFuture = 4_102_444_800;

    public static JsonNode? For(Type type) => type switch
    {
        _ when type == typeof(AliasDto) => JsonNode.Parse($$"""
            {"id":"Jm3cX0d8nQ2rT5vY","type":"conference","name":"Weekly sync","passcode":null,"jwt_secret":"your-secure-secret-of-at-least-32-bytes","stream_key":null,"expired_at":{{FarFuture}},"inserted_at":1767225600}
            """),
        _ when type == typeof(CreateAliasRequest) => JsonNode.Parse($$"""
            {"type":"conference","name":"Weekly sync","jwt_secret":"your-secure-secret-of-at-least-32-bytes","expired_at":{{FarFuture}}}
            """),
        _ when type == typeof(UpdateAliasRequest) => JsonNode.Parse("""
            {"name":"Weekly sync (moved)","passcode":null}
            """),
        _ when type == typeof(MintAliasTokenRequest) => JsonNode.Parse("""
            {"user_id":"user456","host":true,"expires_in":3600}
            """),
        _ when type == typeof(AliasTokenDto) => JsonNode.Parse("""
            {"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhbGlhcyI6IkptM2NYMGQ4blEyclQ1dlkiLCJ1c2VyX2lkIjoidXNlcjQ1NiIsImhvc3QiOnRydWV9.c2lnbmF0dXJl","expires_at":1767229200}
            """),
        _ when type == typeof(CreateJwtKeyRequest) => JsonNode.Parse("""
            {"name":"backend 2026","public_key":"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxD4Uy//pDwSaZ1QIe0id\n5gysgpNjx3qXKV6AYL65vdWHPsWtRsQ1oIvnTw4Xpw77WoCSz8j4h5Q03QYqPiUY\nc68jksl3HrPitrNLm9s22bfXN88GybBBbiLlfCzN1dsnfc4bIrOIYE4UPs71owGs\nNGLbf14djXXpkSL+qaDBxc1bR0LtonF4Xa6hXWbFnyjvy3BV6N6lGjEYpMOZeQYm\nSgsf74DUZQG2bbTIABYLTTc8+3JHXdKLUo/pj6m/K8L57TavDendschOTeNQjRAI\nW7+3qzu3tInZ+SnDPunmgQSpdKqLDjku0bFfO2jxWMOzu4bvkKHxmbzt04LduBl/\nbQIDAQAB\n-----END PUBLIC KEY-----"}
            """),
        _ when type == typeof(JwtKeyDto) => JsonNode.Parse("""
            {"id":"jwk_Q2rT5vYJm3cX0d8n","name":"backend 2026","public_key":"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxD4Uy//pDwSaZ1QIe0id\n5gysgpNjx3qXKV6AYL65vdWHPsWtRsQ1oIvnTw4Xpw77WoCSz8j4h5Q03QYqPiUY\nc68jksl3HrPitrNLm9s22bfXN88GybBBbiLlfCzN1dsnfc4bIrOIYE4UPs71owGs\nNGLbf14djXXpkSL+qaDBxc1bR0LtonF4Xa6hXWbFnyjvy3BV6N6lGjEYpMOZeQYm\nSgsf74DUZQG2bbTIABYLTTc8+3JHXdKLUo/pj6m/K8L57TavDendschOTeNQjRAI\nW7+3qzu3tInZ+SnDPunmgQSpdKqLDjku0bFfO2jxWMOzu4bvkKHxmbzt04LduBl/\nbQIDAQAB\n-----END PUBLIC KEY-----","algorithm":"RS256","fingerprint":"NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs","created_at":1767225600,"updated_at":1767225600}
            """),
        _ when type == typeof(RevokeAliasTokensRequest) => JsonNode.Parse("""
            {"user_id":"user456"}
            """),
        _ when type == typeof(TokenRevocationDto) => JsonNode.Parse("""
            {"alias_id":"Jm3cX0d8nQ2rT5vY","user_id":"user456","revoked_at":1767225600}
            """),
        _ when type == typeof(RotateJwtSecretRequest) => JsonNode.Parse("""
            {"previous_valid_for":3600}
            """),
        _ when type == typeof(JwtSecretRotationDto) => JsonNode.Parse("""
            {"jwt_secret":"Qm9yZWQ_b2Zfd2FpdGluZz9Sb3RhdGVfaXRfbm93IQx","previous_valid_until":1767229200}
            """),
        _ when type == typeof(StreamKeyRotationDto) => JsonNode.Parse("""
            {"stream_key":"live_Jm3cX0d8nQ2rT5vYQ2rT5vYJm3cX0d8n"}
            """),
        _ when type == typeof(CreateApiKeyRequest) => JsonNode.Parse("""
            {"expires_in":2592000}
            """),
        _ when type == typeof(InspectAliasTokenRequest) => JsonNode.Parse("""
            {"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhbGlhcyI6IkptM2NYMGQ4blEyclQ1dlkiLCJ1c2VyX2lkIjoidXNlcjQ1NiIsImhvc3QiOnRydWV9.c2lnbmF0dXJl"}
            """),
        _ when type == typeof(TokenInspectionDto) => JsonNode.Parse("""
            {"valid":false,"reason":"token_expired","description":"The token has expired.","algorithm":"HS256","key":"jwt_secret","header":{"alg":"HS256","typ":"JWT"},"claims":{"alias":"Jm3cX0d8nQ2rT5vY","user_id":"user456","iat":1767225600,"exp":1767229200},"issued_at":1767225600,"not_before":null,"expires_at":1767229200,"server_time":1767232800,"clock_skew_seconds":30,"view":null,"revocations":[]}
            """),
        _ when type == typeof(AccessEventDto) => JsonNode.Parse("""
            {"id":1042,"occurred_at":1767225600,"kind":"retrieval","outcome":"refused","reason":"invalid_passcode","credential":"passcode","user_id":null,"client_address":"203.0.113.7","api_key_id":null,"changed_fields":[]}
            """),
        _ when type == typeof(ErrorEnvelope) => JsonNode.Parse("""
            {"error":{"message":"Alias not found"}}
            """),
        _ when type == typeof(MessageResponse) => JsonNode.Parse("""
            {"message":"Alias deleted successfully."}
            """),
        _ => null,
    };
}
