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
        organization.IssueApiKey(null, clock);
        return organization;
    }

    /// <summary>
    /// The name rule, stated once: required, 1 to <see cref="TextLimits.OrganizationNameMax"/> characters of allowed
    /// text, not blank. Answers the reason for the field's details, or null; the request validator asks it too.
    /// </summary>
    public static string? CheckName(string? name) =>
        string.IsNullOrEmpty(name) ? "is required" : TextRules.Check(name, 1, TextLimits.OrganizationNameMax, isName: true);

    /// <summary>The longest <c>expires_in</c> of a new key, and the longest delay of a scheduled revocation: a year.</summary>
    public const long MaxKeySeconds = 366 * 24 * 3600;

    /// <summary>
    /// Adds a new active API key, expiring <paramref name="expiresIn"/> seconds from now when given; its secret is
    /// readable only from the returned object.
    /// </summary>
    public ApiKey IssueApiKey(long? expiresIn, TimeProvider clock)
    {
        if (expiresIn is < 1 or > MaxKeySeconds)
        {
            throw DomainValidationException.For("expires_in", $"must be from 1 to {MaxKeySeconds} seconds (366 days)");
        }

        var key = ApiKey.Issue(Id, expiresIn, clock);
        _apiKeys.Add(key);
        Version = Guid.NewGuid();
        return key;
    }

    /// <summary>
    /// Revokes one of this organization's keys now, or <paramref name="after"/> seconds from now (a scheduled
    /// revocation, for rotation without a second call). Never leaves the organization without a key that stays
    /// active: at least one other key that neither expires nor is scheduled for revocation must remain (no lock-out,
    /// now or later).
    /// </summary>
    public ApiKey RevokeApiKey(string apiKeyId, long? after, TimeProvider clock)
    {
        if (after is < 0 or > MaxKeySeconds)
        {
            throw DomainValidationException.For("after", $"must be from 0 to {MaxKeySeconds} seconds (366 days)");
        }

        var key = _apiKeys.SingleOrDefault(k => string.Equals(k.Id, apiKeyId, StringComparison.Ordinal))
            ?? throw new ApiKeyNotFoundException(apiKeyId);
        var now = UnixTime.Now(clock);
        if (!key.IsActiveAt(now))
        {
            return key;
        }

        if (!_apiKeys.Any(k => k != key && k.IsLasting))
        {
            throw new DomainRuleException(
                "An organization cannot revoke its last active API key that neither expires nor is scheduled for revocation: create a new key first, switch to it, then revoke this one.");
        }

        if (after is null or 0)
        {
            key.Revoke(now);
        }
        else
        {
            key.EndAt(now + after.Value);
        }

        Version = Guid.NewGuid();
        return key;
    }
}
