namespace AliasService.Application.Common.Exceptions;

/// <summary>A conditional change named a version the resource no longer has (HTTP <c>If-Match</c>): nothing was changed.</summary>
public sealed class PreconditionFailedException()
    : Exception("The alias has changed since the version in If-Match: read it again (its ETag) and retry.");
