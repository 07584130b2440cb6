using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// Columns stored encrypted and bound to their row. A value converter cannot see the row id, so the column is
/// mapped to a shadow property that holds the ciphertext, while the domain property stays plaintext and unmapped:
/// <see cref="ProtectedColumnReader"/> decrypts as an entity is instantiated, <see cref="ProtectedColumnWriter"/> encrypts
/// what changed before saving. Both compare against the plaintext last read or written, kept here per entity.
/// </summary>
internal static class ProtectedColumns
{
    private const string Annotation = "AliasService:ProtectedColumn";
    private const string ShadowSuffix = "Ciphertext";

    private static readonly ConcurrentDictionary<IEntityType, ProtectedField[]> Fields = new();
    private static readonly ConditionalWeakTable<object, string?[]> Known = new();

    /// <summary>Stores <paramref name="property"/> encrypted, in a column of the same name.</summary>
    public static void HasProtectedColumn<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, string?>> property, bool required = false)
        where T : class
    {
        var name = ((MemberExpression)property.Body).Member.Name;
        builder.Ignore(name);
        builder.Property<string>(name + ShadowSuffix).HasColumnName(name).IsRequired(required).HasAnnotation(Annotation, name);
    }

    /// <summary>The protected fields of an entity type (none for most).</summary>
    public static ProtectedField[] For(IEntityType entityType) => Fields.GetOrAdd(entityType, static type =>
    {
        var key = type.FindPrimaryKey()?.Properties is [var single] ? single : null;
        return type.GetProperties()
            .Where(p => p.FindAnnotation(Annotation) is not null)
            .Select(p =>
            {
                var name = (string)p.FindAnnotation(Annotation)!.Value!;
                var clr = type.ClrType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                    ?? throw new InvalidOperationException($"{type.ClrType.Name}.{name} is not a property.");
                return new ProtectedField(p, clr, key ?? throw new InvalidOperationException($"{type.ClrType.Name} needs a single-column key."), new ProtectedColumn(type.GetTableName()!, name));
            })
            .ToArray();
    });

    /// <summary>The plaintexts last read from or written to the database for this entity (null when unknown).</summary>
    public static string?[]? Remembered(object entity) => Known.TryGetValue(entity, out var values) ? values : null;

    public static void Remember(object entity, string?[] plaintexts) => Known.AddOrUpdate(entity, plaintexts);

    /// <summary>One protected column: the ciphertext's shadow property, the domain property, the row key.</summary>
    internal sealed record ProtectedField(IProperty Shadow, PropertyInfo Clr, IProperty Key, ProtectedColumn Column);
}
