namespace AliasService.Application.Common.Interfaces;

/// <summary>Who sent the request being handled, as far as access events need it.</summary>
public interface IRequestCaller
{
    /// <summary>The client's address (from the connection, or a trusted proxy's <c>X-Forwarded-For</c>).</summary>
    string? ClientAddress { get; }

    /// <summary>The id of the API key whose organization token authenticated the request; null on public routes.</summary>
    string? ApiKeyId { get; }
}
