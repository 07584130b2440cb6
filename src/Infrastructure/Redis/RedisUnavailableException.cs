namespace AliasService.Infrastructure.Redis;

/// <summary>Redis could not answer (unreachable, timed out, refusing): the request depending on it cannot be served now.</summary>
public sealed class RedisUnavailableException : Exception
{
    public RedisUnavailableException()
    {
    }

    public RedisUnavailableException(string message)
        : base(message)
    {
    }

    public RedisUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
