using AliasService.Domain.JwtKeys;

namespace AliasService.Application.Common.Interfaces;

/// <summary>
/// Reads a PEM public key and accepts it only if it is an RSA key of 2048–8192 bits or an EC key on P-256/384/521;
/// otherwise throws a validation error on <c>public_key</c> that says what is wrong (never echoing the input).
/// </summary>
public interface IPublicKeyReader
{
    PublicKeyInfo Read(string? pem);
}
