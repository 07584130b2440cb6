namespace AliasService.Domain.Common;

/// <summary>Collects field errors so an operation reports every broken rule at once, then throws.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            reasons = [];
            _errors[field] = reasons;
        }

        reasons.Add(reason);
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new DomainValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
