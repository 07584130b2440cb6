namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>One controller action as the service maps it: HTTP method, full route (leading slash) and declared response statuses.</summary>
public sealed record ControllerAction(string Controller, string Action, string Method, string Path, IReadOnlyList<int> Statuses)
{
    /// <summary>Whether the action binds a JSON request body.</summary>
    public bool TakesJsonBody { get; init; }

    /// <summary>The declared type of the success answer, e.g. <c>ListEnvelope&lt;AliasDto&gt;</c>.</summary>
    public Type? SuccessType { get; init; }

    /// <summary>The names of the query parameters the action binds.</summary>
    public IReadOnlyList<string> QueryParameters { get; init; } = [];

    public override string ToString() => $"{Method} {Path}";
}
