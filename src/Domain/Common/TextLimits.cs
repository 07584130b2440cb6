namespace AliasService.Domain.Common;

/// <summary>
/// Every length limit on text a client sends, in one place. Character limits count Unicode scalar values
/// (<see cref="TextRules.Length"/>), so an emoji is one character wherever it is sent; the JWT secret alone is
/// limited in UTF-8 bytes, because its bytes are the HMAC key (RFC 7518 section 3.2).
/// </summary>
public static class TextLimits
{
    public const int AliasNameMax = 200;
    public const int PasscodeMin = 4;
    public const int PasscodeMax = 64;
    public const int StreamKeyMax = 256;
    public const int JwtSecretMinBytes = 32;
    public const int JwtSecretMaxBytes = 512;
    public const int OrganizationNameMax = 100;
    public const int JwtKeyNameMax = 50;
    public const int TokenUserIdMax = 256;

    /// <summary>A registered public key, in PEM text (ASCII): 16 KiB holds the largest accepted key (RSA 8192) with room.</summary>
    public const int PublicKeyPemMax = 16 * 1024;

    /// <summary>The refusal of a longer public key, wherever it is checked.</summary>
    public const string PublicKeyPemTooLong = "must be at most 16 KiB of PEM text";

    /// <summary>
    /// Storage columns for text limited to <paramref name="characters"/> scalar values: a scalar value takes up to
    /// two UTF-16 code units, so the column allows more units than characters (room to spare for the future).
    /// </summary>
    public static int ColumnLength(int characters) => characters * 4;
}
