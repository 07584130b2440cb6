namespace AliasService.Domain.AccessEvents;

/// <summary>
/// One recorded decision about an alias: a public retrieval (granted, refused, expired, limited) or a management
/// change (created, updated, rotated …). Holds names and identifiers only, never a passcode, token or secret
/// (docs/access-rules.md, "Access events").
/// </summary>
public sealed class AccessEvent
{
    /// <summary>The longest <c>user_id</c> or reason kept; a longer one (a foreign key's token may carry anything) is cut.</summary>
    public const int MaxTextLength = 256;

    /// <summary>The longest client address kept (an IPv6 address with scope fits).</summary>
    public const int MaxAddressLength = 64;

    private AccessEvent(string aliasId, string? organizationId, long occurredAt, string kind, string outcome)
    {
        AliasId = aliasId;
        OrganizationId = organizationId;
        OccurredAt = occurredAt;
        Kind = kind;
        Outcome = outcome;
    }

    /// <summary>Assigned by the database in the order events are stored; the listing's newest-first order.</summary>
    public long Id { get; private set; }

    public string AliasId { get; private set; }

    /// <summary>The alias's organization; unknown (null) until stored for a decision taken before the alias was read (<c>limited</c>).</summary>
    public string? OrganizationId { get; private set; }

    /// <summary>Unix seconds.</summary>
    public long OccurredAt { get; private set; }

    /// <summary><see cref="AccessEventKinds.Retrieval"/> or <see cref="AccessEventKinds.Management"/>.</summary>
    public string Kind { get; private set; }

    /// <summary>One of <see cref="AccessOutcomes.All"/>.</summary>
    public string Outcome { get; private set; }

    /// <summary>Retrieval: the 401 reason of a refusal, or the view granted (<c>owner</c>, <c>host</c>, <c>public</c>).</summary>
    public string? Reason { get; private set; }

    /// <summary>Retrieval: what the caller presented, one of <see cref="CredentialKinds"/>.</summary>
    public string? Credential { get; private set; }

    /// <summary>The <c>user_id</c> of a valid alias token (retrieval), or the user a management change named.</summary>
    public string? UserId { get; private set; }

    public string? ClientAddress { get; private set; }

    /// <summary>Management: the id of the organization's API key whose token made the change.</summary>
    public string? ApiKeyId { get; private set; }

    /// <summary>Management: the names of the fields the change set, comma-separated; never their values.</summary>
    public string? ChangedFields { get; private set; }

    /// <summary>A public retrieval decision.</summary>
    public static AccessEvent Retrieval(
        string aliasId, string? organizationId, long occurredAt, string outcome, string? reason, string credential, string? userId, string? clientAddress) =>
        new(aliasId, organizationId, occurredAt, AccessEventKinds.Retrieval, outcome)
        {
            Reason = Cut(reason, MaxTextLength),
            Credential = credential,
            UserId = Cut(userId, MaxTextLength),
            ClientAddress = Cut(clientAddress, MaxAddressLength),
        };

    /// <summary>A management change made with an organization token.</summary>
    public static AccessEvent Management(
        string aliasId, string organizationId, long occurredAt, string outcome, IEnumerable<string> changedFields, string? userId, string? apiKeyId, string? clientAddress)
    {
        ArgumentNullException.ThrowIfNull(changedFields);
        var fields = string.Join(',', changedFields);
        return new(aliasId, organizationId, occurredAt, AccessEventKinds.Management, outcome)
        {
            ChangedFields = fields.Length == 0 ? null : fields,
            UserId = Cut(userId, MaxTextLength),
            ApiKeyId = apiKeyId,
            ClientAddress = Cut(clientAddress, MaxAddressLength),
        };
    }

    /// <summary>The field names of <see cref="ChangedFields"/>.</summary>
    public IReadOnlyList<string> ChangedFieldNames() => ChangedFields is null ? [] : ChangedFields.Split(',');

    /// <summary>Names the organization of an event recorded before its alias was read.</summary>
    public void BelongsTo(string organizationId) => OrganizationId ??= organizationId;

    private static string? Cut(string? text, int length)
    {
        if (text is null || text.Length <= length)
        {
            return text;
        }

        // Never half a surrogate pair: the database would refuse the whole batch.
        return text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
    }
}
