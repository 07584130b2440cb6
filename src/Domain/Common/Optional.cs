namespace AliasService.Domain.Common;

/// <summary>A value that may be absent, which is different from present-and-null (partial updates).</summary>
public readonly record struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public T Value => HasValue ? _value : throw new InvalidOperationException("The optional value is absent.");

    public static Optional<T> Absent => default;

    public static implicit operator Optional<T>(T value) => new(value);

    public T GetValueOrDefault(T fallback) => HasValue ? _value : fallback;

    public override string ToString() => HasValue ? $"{_value}" : "<absent>";
}
