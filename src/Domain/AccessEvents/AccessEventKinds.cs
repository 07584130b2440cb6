namespace AliasService.Domain.AccessEvents;

/// <summary>What an <see cref="AccessEvent"/> records: a public retrieval or a management change.</summary>
public static class AccessEventKinds
{
    public const string Retrieval = "retrieval";
    public const string Management = "management";
}
