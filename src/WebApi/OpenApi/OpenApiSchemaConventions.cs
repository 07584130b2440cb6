using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AliasService.Domain.Common;
using AliasService.WebApi.Contracts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AliasService.WebApi.OpenApi;

/// <summary>
/// Schemas that say exactly what the wire carries, by convention:
/// <list type="bullet">
/// <item>request bodies (<see cref="RequestBody"/>): members marked <c>[Required]</c> are required and never
/// null, no other member is accepted; length and range attributes become keywords (the generator does that);</item>
/// <item><see cref="Optional{T}"/> members (partial updates): the wire type of <c>T</c>, nullable only when <c>T</c> is
/// (<c>Optional&lt;string&gt;</c> may be left out but not cleared);</item>
/// <item>responses: every member is required (nulls are written), except members left out when null, which are then
/// never null; a generic envelope's object (<c>data</c>) is never null;</item>
/// <item><see cref="AllowedValuesAttribute"/> on a member or parameter becomes <c>enum</c>.</item>
/// </list>
/// </summary>
internal static class OpenApiSchemaConventions
{
    private const string NullablePropertyMark = "x-is-nullable-property";

    private static readonly NullabilityInfoContext Nullability = new();

    public static bool IsOptional(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>);

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var member = context.JsonPropertyInfo?.AttributeProvider as PropertyInfo;
        if (IsOptional(type))
        {
            DescribeOptional(schema, type, member);
        }

        var attributes = member?.GetCustomAttributes(inherit: true)
            ?? (context.ParameterDescription?.ParameterDescriptor as ControllerParameterDescriptor)?.ParameterInfo.GetCustomAttributes(inherit: true)
            ?? [];
        if (attributes.OfType<AllowedValuesAttribute>().FirstOrDefault() is { } allowed)
        {
            schema.Enum = [.. allowed.Values.Select(v => JsonValue.Create(v?.ToString())!)];
        }

        // An object's schema may first be met as a member's (then componentized): described wherever it is met.
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            DescribeObject(schema, context.JsonTypeInfo);
            if (OpenApiExamples.For(type) is { } example)
            {
                schema.Examples = [example];
            }
        }

        return Task.CompletedTask;
    }

    private static void DescribeOptional(OpenApiSchema schema, Type type, PropertyInfo? member)
    {
        var inner = type.GetGenericArguments()[0];
        var nullable = Nullable.GetUnderlyingType(inner) is not null
            || (!inner.IsValueType && member is not null && Nullability.Create(member).GenericTypeArguments[0].ReadState == NullabilityState.Nullable);
        var wire = (Nullable.GetUnderlyingType(inner) ?? inner) switch
        {
            var t when t == typeof(long) || t == typeof(int) => JsonSchemaType.Integer,
            var t when t == typeof(bool) => JsonSchemaType.Boolean,
            _ => JsonSchemaType.String,
        };
        schema.Type = nullable ? wire | JsonSchemaType.Null : wire;
        schema.Properties?.Clear();
        schema.Required?.Clear();
    }

    private static void DescribeObject(OpenApiSchema schema, JsonTypeInfo typeInfo)
    {
        var properties = schema.Properties!;
        var isRequest = typeof(RequestBody).IsAssignableFrom(typeInfo.Type);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in typeInfo.Properties)
        {
            if (!properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            var member = property.AttributeProvider as PropertyInfo;
            var neverNull = isRequest
                ? member?.IsDefined(typeof(RequiredAttribute), inherit: true) == true
                : property.ShouldSerialize is not null || IsGenericParameter(member);
            if (neverNull)
            {
                properties[property.Name] = WithoutNull(propertySchema);
            }

            if (isRequest ? neverNull : property.ShouldSerialize is null)
            {
                required.Add(property.Name);
            }
        }

        schema.Required = required;
        if (isRequest)
        {
            properties.Remove("unknown_members");
            schema.AdditionalPropertiesAllowed = false;
            schema.AdditionalProperties = null;
        }
    }

    /// <summary>A member typed by its generic type's parameter (<c>T Data</c> of an envelope).</summary>
    private static bool IsGenericParameter(PropertyInfo? member) =>
        member?.DeclaringType is { IsGenericType: true } declaring
        && declaring.GetGenericTypeDefinition().GetProperty(member.Name)?.PropertyType.IsGenericParameter == true;

    private static IOpenApiSchema WithoutNull(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return schema;
        }

        // The generator adds null to a property's schema after the schema transformers ran, from this mark.
        concrete.Metadata?.Remove(NullablePropertyMark);

        if (concrete.OneOf is { Count: 2 } alternatives && alternatives.FirstOrDefault(IsNullType) is { } nullAlternative)
        {
            return alternatives.First(a => !ReferenceEquals(a, nullAlternative));
        }

        if (concrete.Type is { } type)
        {
            concrete.Type = type & ~JsonSchemaType.Null;
        }

        return concrete;
    }

    private static bool IsNullType(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}
