using System.Text;
using AliasService.Domain.Common;

namespace AliasService.Domain.Aliases;

/// <summary>The alias field rules (docs/api.md, "The alias object"), in one place for creation and update.</summary>
public static class AliasRules
{
    public const int NameMaxLength = 200;
    public const int PasscodeMinLength = 4;
    public const int PasscodeMaxLength = 64;
    public const int JwtSecretMinBytes = 32;
    public const int JwtSecretMaxBytes = 512;
    public const int StreamKeyMaxLength = 256;

    internal static void CheckType(AliasType type, ValidationErrors errors)
    {
        if (!Enum.IsDefined(type))
        {
            errors.Add("type", "must be \"conference\" or \"live\"");
        }
    }

    internal static void CheckName(string? name, ValidationErrors errors)
    {
        if (name is not null && !LengthBetween(name, 1, NameMaxLength))
        {
            errors.Add("name", $"must be 1 to {NameMaxLength} characters");
        }
    }

    internal static void CheckPasscode(string? passcode, ValidationErrors errors)
    {
        if (passcode is not null && !LengthBetween(passcode, PasscodeMinLength, PasscodeMaxLength))
        {
            errors.Add("passcode", $"must be {PasscodeMinLength} to {PasscodeMaxLength} characters");
        }
    }

    internal static void CheckJwtSecret(string? secret, ValidationErrors errors)
    {
        if (secret is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(secret);
        if (bytes < JwtSecretMinBytes)
        {
            errors.Add("jwt_secret", $"must be at least {JwtSecretMinBytes} bytes in UTF-8 (256 bits): HS256 needs a key as long as its hash (RFC 7518 section 3.2); this one is {bytes} bytes");
        }
        else if (bytes > JwtSecretMaxBytes)
        {
            errors.Add("jwt_secret", $"must be at most {JwtSecretMaxBytes} bytes in UTF-8");
        }
    }

    internal static void CheckStreamKey(string? streamKey, ValidationErrors errors)
    {
        if (streamKey is not null && !LengthBetween(streamKey, 1, StreamKeyMaxLength))
        {
            errors.Add("stream_key", $"must be 1 to {StreamKeyMaxLength} characters");
        }
    }

    internal static void CheckExpiredAt(long expiredAt, long now, ValidationErrors errors)
    {
        if (expiredAt > UnixTime.MillisecondsThreshold)
        {
            errors.Add("expired_at", "must be Unix time in seconds, not milliseconds");
        }
        else if (expiredAt <= now)
        {
            errors.Add("expired_at", "must be in the future");
        }
    }

    /// <summary>Length in Unicode scalar values, so an emoji counts as one character, not two UTF-16 units.</summary>
    private static bool LengthBetween(string value, int min, int max)
    {
        var length = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            length++;
            if (length > max)
            {
                return false;
            }
        }

        return length >= min;
    }
}
