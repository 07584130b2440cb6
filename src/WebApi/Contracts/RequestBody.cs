using System.Text.Json;
using System.Text.Json.Serialization;

namespace AliasService.WebApi.Contracts;

/// <summary>
/// The base of every JSON request body: it collects the members it does not know, so that they can all be named in
/// one 400 (a typo such as <c>expire_at</c> must never silently fall back to a default). Deriving from it is the
/// whole job; <see cref="Errors.UnknownMembersFilter"/> refuses them and the API document says
/// <c>additionalProperties: false</c>. A body type that does not derive from it is refused at start-up.
/// </summary>
public abstract class RequestBody
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownMembers { get; init; }
}
