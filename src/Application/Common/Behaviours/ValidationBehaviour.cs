using System.Text.Json;
using AliasService.Domain.Common;
using FluentValidation;
using MediatR;

namespace AliasService.Application.Common.Behaviours;

/// <summary>
/// Runs every validator of a request before its handler and turns all failures into the one field-keyed refusal the
/// aggregates raise too (<see cref="DomainValidationException"/>), so both are answered alike.
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken).ConfigureAwait(false);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            // Property names become the wire's snake_case field names, so details name what the client sent.
            var errors = failures
                .GroupBy(f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.PropertyName), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
            throw new DomainValidationException(errors);
        }

        return await next().ConfigureAwait(false);
    }
}
