using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using AliasService.Domain.Organizations;

namespace AliasService.WebApi.Contracts;

/// <summary>Body of <c>POST /organization/api/v1/api_keys</c>; optional as a whole (no body: a key that never expires).</summary>
public sealed class CreateApiKeyRequest : RequestBody
{
    /// <summary>Seconds until the key expires, 1 to 31622400 (366 days); absent: it never expires.</summary>
    [Range(1, Organization.MaxKeySeconds)]
    public long? ExpiresIn { get; init; }
}
