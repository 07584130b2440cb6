using AliasService.Application.AccessEvents;
using AliasService.Application.Common.Interfaces;
using AliasService.Domain.AccessEvents;
using MediatR;

namespace AliasService.Application.Common.Behaviours;

/// <summary>
/// Records a management access event after a command that implements <see cref="IRecordedAliasChange{TResponse}"/>
/// succeeded (a refused or failed command changed nothing and is not recorded). Recording only queues the event.
/// </summary>
public sealed class AccessEventBehaviour<TRequest, TResponse>(IAccessEventSink sink, IRequestCaller caller, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var response = await next().ConfigureAwait(false);
        if (request is IRecordedAliasChange<TResponse> recorded)
        {
            var change = recorded.Describe(response);
            sink.Record(AccessEvent.Management(
                change.AliasId, recorded.OrganizationId, clock.GetUtcNow().ToUnixTimeSeconds(), change.Outcome, change.Fields, change.UserId, caller.ApiKeyId, caller.ClientAddress));
        }

        return response;
    }
}
