namespace AliasService.Domain.Common;

/// <summary>An operation the domain refuses as a whole (not tied to one field), such as revoking the last API key.</summary>
public sealed class DomainRuleException(string message) : DomainException(message);
