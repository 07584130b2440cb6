using System.Text.Json;

namespace AliasService.WebApi.Contracts;

/// <summary>
/// A request body that collects JSON members it does not know, so that they can all be named in one 400
/// (a typo such as <c>expire_at</c> must never silently fall back to a default).
/// </summary>
public interface IRejectsUnknownMembers
{
    IDictionary<string, JsonElement>? UnknownMembers { get; }
}
