namespace AliasService.Application.Aliases.Commands.RotateStreamKey;

/// <summary>The new stream key (also in the owner and host views from now on).</summary>
public sealed record StreamKeyRotationDto(string StreamKey);
