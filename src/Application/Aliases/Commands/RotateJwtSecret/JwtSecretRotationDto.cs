namespace AliasService.Application.Aliases.Commands.RotateJwtSecret;

/// <summary>The new JWT secret, shown in this answer, and when the previous one stops verifying tokens (null: at once).</summary>
public sealed record JwtSecretRotationDto(string JwtSecret, long? PreviousValidUntil);
