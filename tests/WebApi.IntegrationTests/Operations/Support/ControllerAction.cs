namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>One controller action as its attributes declare it: HTTP method, full route (leading slash) and response statuses.</summary>
public sealed record ControllerAction(string Controller, string Action, string Method, string Path, IReadOnlyList<int> Statuses)
{
    public override string ToString() => $"{Method} {Path}";
}
