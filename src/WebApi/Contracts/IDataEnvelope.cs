namespace AliasService.WebApi.Contracts;

/// <summary>Any <c>{"data": …}</c> answer, whatever its object's type (for filters that look at the object).</summary>
public interface IDataEnvelope
{
    object? Data { get; }
}
