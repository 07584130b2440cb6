using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AliasService.WebApi.Contracts;

/// <summary>
/// Makes <see cref="RequestBody"/> a rule nobody has to remember: an action whose JSON body is of another type stops
/// the service at start-up, naming the action, instead of silently accepting misspelt members.
/// </summary>
internal sealed class RequestBodyConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var parameter in action.Parameters)
        {
            if (parameter.BindingInfo?.BindingSource == BindingSource.Body && !typeof(RequestBody).IsAssignableFrom(parameter.ParameterType))
            {
                throw new InvalidOperationException(
                    $"{action.Controller.ControllerName}.{action.ActionName}: the body type {parameter.ParameterType.Name} must derive from {nameof(RequestBody)}.");
            }
        }
    }
}
