using System.Text;
using AliasService.Domain.Common;

namespace AliasService.Domain.Aliases;

/// <summary>The alias field rules (docs/api.md, "The alias object"), in one place for creation and update.</summary>
public static class AliasRules
{
    internal static void CheckType(AliasType type, ValidationErrors errors)
    {
        if (!Enum.IsDefined(type))
        {
            errors.Add("type", "must be \"conference\" or \"live\"");
        }
    }

    internal static void CheckName(string? name, ValidationErrors errors) =>
        CheckText("name", name, 1, TextLimits.AliasNameMax, isName: true, errors);

    internal static void CheckPasscode(string? passcode, ValidationErrors errors) =>
        CheckText("passcode", passcode, TextLimits.PasscodeMin, TextLimits.PasscodeMax, isName: false, errors);

    internal static void CheckJwtSecret(string? secret, ValidationErrors errors)
    {
        if (secret is null)
        {
            return;
        }

        if (TextRules.FindForbiddenCharacter(secret) is { } forbidden)
        {
            errors.Add("jwt_secret", forbidden);
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(secret);
        if (bytes < TextLimits.JwtSecretMinBytes)
        {
            errors.Add("jwt_secret", $"must be at least {TextLimits.JwtSecretMinBytes} bytes in UTF-8 (256 bits): HS256 needs a key as long as its hash (RFC 7518 section 3.2); this one is {bytes} bytes");
        }
        else if (bytes > TextLimits.JwtSecretMaxBytes)
        {
            errors.Add("jwt_secret", $"must be at most {TextLimits.JwtSecretMaxBytes} bytes in UTF-8");
        }
    }

    internal static void CheckStreamKey(string? streamKey, ValidationErrors errors) =>
        CheckText("stream_key", streamKey, 1, TextLimits.StreamKeyMax, isName: false, errors);

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

    private static void CheckText(string field, string? value, int min, int max, bool isName, ValidationErrors errors)
    {
        if (value is not null && TextRules.Check(value, min, max, isName) is { } reason)
        {
            errors.Add(field, reason);
        }
    }
}
