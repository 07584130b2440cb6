namespace AliasService.Domain.AccessEvents;

/// <summary>What a public retrieval presented, as recorded in an <see cref="AccessEvent"/>; never the credential itself.</summary>
public static class CredentialKinds
{
    public const string None = "none";
    public const string Passcode = "passcode";
    public const string AliasToken = "alias_token";
    public const string OrganizationToken = "organization_token";

    /// <summary>A bearer token the failed-attempt limit answered (429) before anyone read it.</summary>
    public const string UnreadToken = "token";
}
