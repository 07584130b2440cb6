namespace AliasService.Domain.Common;

/// <summary>
/// The base of every "no such thing for this caller" refusal (missing, deleted or another organization's, alike);
/// mapped to 404 in one place, whatever the kind of thing.
/// </summary>
public abstract class NotFoundException(string message) : DomainException(message);
