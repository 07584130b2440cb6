using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AliasService.Infrastructure.Persistence;

/// <summary>Marks a string property to be stored encrypted (see <see cref="ProtectedStringConverter"/>).</summary>
internal static class ProtectedAnnotation
{
    public const string Name = "AliasService:Protected";

    public static PropertyBuilder<T> IsProtected<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(Name, true);
}
