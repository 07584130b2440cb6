namespace AliasService.Application.Common.Exceptions;

/// <summary>Another request changed the same record first; the caller should re-read and retry.</summary>
public sealed class ConcurrencyConflictException(Exception? inner = null)
    : Exception("The resource was changed by another request; read it again and retry.", inner);
