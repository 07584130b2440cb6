namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>An organization created through the application's own command, with its first API key.</summary>
public sealed record TestOrganization(string Id, string ApiKeyId, string ApiSecret)
{
    // The secret must never show up in test output by accident.
    public override string ToString() => $"TestOrganization {{ Id = {Id}, ApiKeyId = {ApiKeyId} }}";
}
