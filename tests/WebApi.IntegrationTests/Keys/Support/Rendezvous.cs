namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>
/// Holds the first <c>n</c> callers of <see cref="ArriveAsync"/> after <see cref="Arm"/> until all <c>n</c> have
/// arrived, then lets everyone through: two requests are made to read the same state before either writes, the
/// interleaving a race needs, every time. Unarmed, it lets everyone through at once.
/// </summary>
public sealed class Rendezvous
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _allArrived;
    private int _waiting;

    public void Arm(int callers)
    {
        lock (_lock)
        {
            _allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting = callers;
        }
    }

    public Task ArriveAsync()
    {
        TaskCompletionSource? meeting;
        lock (_lock)
        {
            meeting = _allArrived;
            if (meeting is null)
            {
                return Task.CompletedTask;
            }

            if (--_waiting == 0)
            {
                _allArrived = null;
                meeting.SetResult();
            }
        }

        // Bounded, so a caller that never comes fails the test instead of hanging it.
        return meeting.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
