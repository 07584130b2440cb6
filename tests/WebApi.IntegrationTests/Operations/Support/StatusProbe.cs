namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// A request that makes an operation answer a given error status, to check the OpenAPI document lists the
/// statuses the service really answers. <see cref="Body"/> is JSON, or one of the <c>Oversized</c>,
/// <c>PlainText</c> and <c>MalformedJson</c> markers.
/// </summary>
public sealed record StatusProbe(string Method, string Path, string Url, string? Body, bool Authenticated, int Status)
{
    public const string Oversized = "<oversized>";
    public const string PlainText = "<text/plain>";
    public const string MalformedJson = "<malformed json>";

    public override string ToString() => $"{Method} {Path} -> {Status}";
}
