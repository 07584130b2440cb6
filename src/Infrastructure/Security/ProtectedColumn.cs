namespace AliasService.Infrastructure.Security;

/// <summary>
/// Where a protected value lives: its table and column, by their logical names (the same on every database
/// provider). Together with the row id they bind a ciphertext to its place.
/// </summary>
public sealed record ProtectedColumn(string Table, string Column)
{
    public string Purpose => $"{Table}.{Column}";

    public override string ToString() => Purpose;
}
