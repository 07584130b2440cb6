namespace AliasService.Application.Aliases.Queries.RetrieveAlias;

/// <summary>
/// What a caller of public retrieval presented: the organization it authenticated as (a valid organization
/// token), otherwise the raw bearer token to try as an alias token, and an optional passcode.
/// </summary>
public sealed record AliasCredential(string? OrganizationId, string? BearerToken, string? Passcode)
{
    public static AliasCredential None { get; } = new(null, null, null);

    public override string ToString() =>
        $"AliasCredential {{ OrganizationId = {OrganizationId}, BearerToken = {(BearerToken is null ? "none" : "***")}, Passcode = {(Passcode is null ? "none" : "***")} }}";
}
