using System.Text.Json;
using System.Text.Json.Serialization;

namespace AliasService.WebApi.Json;

/// <summary>The wire's JSON settings: snake_case names matched exactly, nulls written, numbers only as numbers.</summary>
internal static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = false;
        options.MaxDepth = 32;
        options.Converters.Add(new OptionalJsonConverterFactory());
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
