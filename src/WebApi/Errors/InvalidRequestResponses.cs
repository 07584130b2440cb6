using System.Reflection;
using System.Text.Json;
using AliasService.Domain.Common;
using AliasService.WebApi.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AliasService.WebApi.Errors;

/// <summary>
/// Turns MVC binding failures (malformed JSON, wrong types, missing body, bad query values) into the envelope,
/// naming fields by their wire names and saying which type was expected, without the serializer's internals.
/// </summary>
internal static class InvalidRequestResponses
{
    public static IActionResult Create(ActionContext context)
    {
        var bodyType = context.ActionDescriptor.Parameters
            .FirstOrDefault(p => p.BindingInfo?.BindingSource == BindingSource.Body)?.ParameterType;
        var details = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? bodyProblem = null;

        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var field = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
            var property = bodyType is null ? null : FindProperty(bodyType, field);
            if (property is not null)
            {
                details[field] = [$"must be {Describe(property.PropertyType, allowsNull: true)}"];
            }
            else if (bodyType is not null && (key.StartsWith('$') || key.Length == 0 || IsBodyParameter(context, key)))
            {
                bodyProblem = "The request body must be a single JSON object with the documented fields; it is missing or not valid JSON.";
            }
            else
            {
                details[field] = [QueryMessage(context, field)];
            }
        }

        // A field-level finding is the more precise one; MVC also reports the whole body as unbound then.
        var body = details.Count > 0
            ? ErrorResponses.InvalidFields(details)
            : new ErrorBody(bodyProblem ?? "The request is invalid.");
        return ErrorResponses.Result(StatusCodes.Status400BadRequest, body);
    }

    private static bool IsBodyParameter(ActionContext context, string key) =>
        context.ActionDescriptor.Parameters.Any(p => p.BindingInfo?.BindingSource == BindingSource.Body
                                                     && string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));

    private static string QueryMessage(ActionContext context, string field)
    {
        var parameter = context.ActionDescriptor.Parameters.FirstOrDefault(p => string.Equals(p.Name, field, StringComparison.Ordinal));
        return parameter is null ? "is not valid" : $"must be {Describe(parameter.ParameterType, allowsNull: false)}";
    }

    private static PropertyInfo? FindProperty(Type type, string wireName) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(ApiJson.Options.PropertyNamingPolicy!.ConvertName(p.Name), wireName, StringComparison.Ordinal));

    private static string Describe(Type type, bool allowsNull)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            type = type.GetGenericArguments()[0];
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null)
            {
                // A partial-update member that can be left out but not cleared: null is what was most likely sent.
                return Describe(type, allowsNull: false) + " (it cannot be cleared: leave it out to keep it)";
            }
        }

        var nullable = Nullable.GetUnderlyingType(type);
        type = nullable ?? type;
        var name = type == typeof(long) || type == typeof(int) ? "an integer"
            : type == typeof(bool) ? "true or false"
            : type == typeof(string) ? "a string"
            : "a value of the documented type";
        return allowsNull && (nullable is not null || type == typeof(string)) ? $"{name} or null" : name;
    }
}
