namespace AliasService.Domain.Common;

/// <summary>One or more fields broke a domain invariant; <see cref="Errors"/> maps each wire field name to its reasons.</summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static DomainValidationException For(string field, string reason) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [reason] });
}
