namespace AliasService.WebApi.Contracts;

/// <summary>The success wrapper <c>{"data": {...}}</c>.</summary>
public sealed record DataEnvelope<T>(T Data) : IDataEnvelope
{
    object? IDataEnvelope.Data => Data;
}
