namespace AliasService.Application.Common.Exceptions;

/// <summary>A request failed its validator; <see cref="Errors"/> maps wire field names to reasons.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
