using System.Net;
using System.Net.Sockets;

namespace AliasService.WebApi.RateLimiting;

/// <summary>
/// The client a rate limit counts against, from its address: an IPv4 address as it is (an IPv4-mapped IPv6 address
/// counts as that IPv4 address), an IPv6 address by its /64 network, since one subscriber commonly holds a whole
/// /64 and could otherwise use every address in it as a fresh client.
/// </summary>
internal static class ClientPartition
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes) + "/64";
    }
}
