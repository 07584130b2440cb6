using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AliasService.WebApi.Errors;

/// <summary>
/// Integer query parameters (<c>limit</c> …) written in decimal digits only. The framework's binder also takes
/// <c>0x10</c>, <c>+5</c>, <c> 5</c> or <c>5.0</c>; here those are a binding error, which the envelope reports as
/// "must be an integer" naming the parameter.
/// </summary>
internal sealed class DecimalQueryIntegerBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        var type = Nullable.GetUnderlyingType(bindingContext.ModelType) ?? bindingContext.ModelType;
        object? parsed = null;
        if (!string.IsNullOrEmpty(text) && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            parsed = type == typeof(int)
                ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null
                : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var wide) ? wide : null;
        }

        if (parsed is null)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "must be an integer written in decimal digits");
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        bindingContext.Result = ModelBindingResult.Success(parsed);
        return Task.CompletedTask;
    }

    /// <summary>Chooses this binder for <c>int</c> and <c>long</c> (nullable or not) bound from the query string.</summary>
    public sealed class Provider : IModelBinderProvider
    {
        private static readonly DecimalQueryIntegerBinder Binder = new();

        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
            return context.BindingInfo.BindingSource == BindingSource.Query && (type == typeof(int) || type == typeof(long)) ? Binder : null;
        }
    }
}
