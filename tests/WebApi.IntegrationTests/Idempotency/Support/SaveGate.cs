using AliasService.Application.Common.Interfaces;
using AliasService.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Idempotency.Support;

/// <summary>
/// Holds one request inside its use case, just before it saves, until the test lets it go: the request is then
/// "in flight" for as long as the test needs. Installed by replacing the service's unit of work.
/// </summary>
public sealed class SaveGate
{
    private TaskCompletionSource? _entered;
    private TaskCompletionSource? _released;

    /// <summary>Makes the next save wait; answers a task that completes once a request is waiting at the gate.</summary>
    public Task ArmAsync()
    {
        _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _entered.Task;
    }

    /// <summary>Lets the waiting request save and go on.</summary>
    public void Release() => _released?.TrySetResult();

    /// <summary>Replaces <see cref="IUnitOfWork"/> in a service collection with one that passes this gate.</summary>
    public void Install(IServiceCollection services) =>
        services.AddScoped<IUnitOfWork>(sp => new GatedUnitOfWork(sp.GetRequiredService<AliasServiceDbContext>(), this));

    private async Task PassAsync()
    {
        var entered = Interlocked.Exchange(ref _entered, null);
        if (entered is not null)
        {
            entered.SetResult();
            await _released!.Task;
        }
    }

    private sealed class GatedUnitOfWork(IUnitOfWork inner, SaveGate gate) : IUnitOfWork
    {
        public async Task SaveChangesAsync(CancellationToken cancellationToken)
        {
            await gate.PassAsync();
            await inner.SaveChangesAsync(cancellationToken);
        }

        public void DiscardChanges() => inner.DiscardChanges();
    }
}
