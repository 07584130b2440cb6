namespace AliasService.Application.Common.Models;

/// <summary>
/// A DTO that carries its resource's concurrency version when the viewer may make an update conditional on it
/// (owner views), null otherwise. The HTTP layer sends it as the <c>ETag</c> header, never in the body.
/// </summary>
public interface IVersionedDto
{
    Guid? Version { get; }
}
