namespace AliasService.Domain.Common;

/// <summary>Base type for every rule violation the domain reports.</summary>
public abstract class DomainException(string message) : Exception(message);
