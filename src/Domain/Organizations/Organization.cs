using AliasService.Domain.Common;

namespace AliasService.Domain.Organizations;

/// <summary>A tenant: owns aliases, API keys and JWT keys, and guards its own API keys.</summary>
public sealed class Organization
{
    private readonly List<ApiKey> _apiKeys = [];

    private Organization(string id, string name, long createdAt)
    {
        Id = id;
        Name = name;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Unix seconds of creation.</summary>
    public long CreatedAt { get; private set; }

    public IReadOnlyCollection<ApiKey> ApiKeys => _apiKeys.AsReadOnly();

    /// <summary>
    /// Optimistic concurrency token: changes with every change to the set of active keys, so two concurrent
    /// changes cannot both be saved against the same picture of the keys (the last-active-key rule).
    /// </summary>
    public Guid Version { get; private set; }

    /// <summary>Creates an organization together with its first API key, so it can authenticate at once.</summary>
    public static Organization Create(string name, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (CheckName(name) is { } reason)
        {
            throw DomainValidationException.For("name", reason);
        }

        var organization = new Organization(RandomIdentifier.New("org_", 12), name, UnixTime.Now(clock));
        organization.IssueApiKey(clock);
        return organization;
    }

    /// <summary>
    /// The name rule, stated once: required, 1 to <see cref="TextLimits.OrganizationNameMax"/> characters of allowed
    /// text, not blank. Answers the reason for the field's details, or null; the request validator asks it too.
    /// </summary>
    public static string? CheckName(string? name) =>
        string.IsNullOrEmpty(name) ? "is required" : TextRules.Check(name, 1, TextLimits.OrganizationNameMax, isName: true);

    /// <summary>Adds a new active API key; its secret is readable only from the returned object.</summary>
    public ApiKey IssueApiKey(TimeProvider clock)
    {
        var key = ApiKey.Issue(Id, clock);
        _apiKeys.Add(key);
        Version = Guid.NewGuid();
        return key;
    }

    /// <summary>Revokes one of this organization's keys, but never the last active one (no self lock-out).</summary>
    public ApiKey RevokeApiKey(string apiKeyId, TimeProvider clock)
    {
        var key = _apiKeys.SingleOrDefault(k => string.Equals(k.Id, apiKeyId, StringComparison.Ordinal))
            ?? throw new ApiKeyNotFoundException(apiKeyId);
        if (key.IsActive && _apiKeys.Count(k => k.IsActive) == 1)
        {
            throw new DomainRuleException("An organization cannot revoke its last active API key: create a new key first, switch to it, then revoke this one.");
        }

        if (key.IsActive)
        {
            key.Revoke(clock);
            Version = Guid.NewGuid();
        }

        return key;
    }
}
