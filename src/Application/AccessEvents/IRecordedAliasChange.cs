namespace AliasService.Application.AccessEvents;

/// <summary>
/// A management command whose success is recorded as an access event of its alias: the command says what it changed
/// (from its own members and its answer), and <see cref="Common.Behaviours.AccessEventBehaviour{TRequest,TResponse}"/>
/// records it once the handler succeeded, with the caller's API key. A new command opts in by implementing this.
/// </summary>
public interface IRecordedAliasChange<in TResponse>
{
    string OrganizationId { get; }

    AliasChange Describe(TResponse response);
}
