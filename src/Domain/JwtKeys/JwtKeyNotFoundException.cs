using AliasService.Domain.Common;

namespace AliasService.Domain.JwtKeys;

/// <summary>The organization has no JWT key with this id.</summary>
public sealed class JwtKeyNotFoundException(string keyId) : NotFoundException("JWT key not found")
{
    public string KeyId { get; } = keyId;
}
