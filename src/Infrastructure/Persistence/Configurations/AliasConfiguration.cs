using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AliasService.Infrastructure.Persistence.Configurations;

internal sealed class AliasConfiguration : IEntityTypeConfiguration<Alias>
{
    public void Configure(EntityTypeBuilder<Alias> builder)
    {
        builder.ToTable("aliases");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.OrganizationId).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(a => a.Type).HasConversion(t => t.ToWire(), s => Parse(s)).HasMaxLength(16).IsUnicode(false);
        builder.Property(a => a.Name).HasMaxLength(TextLimits.ColumnLength(TextLimits.AliasNameMax));
        builder.HasProtectedColumn(a => a.Passcode);
        builder.HasProtectedColumn(a => a.JwtSecret);
        builder.HasProtectedColumn(a => a.StreamKey);
        builder.HasProtectedColumn(a => a.PreviousJwtSecret);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsProtected);
        builder.HasMany(a => a.UserRevocations).WithOne().HasForeignKey(r => r.AliasId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.UserRevocations).HasField("_userRevocations").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);

        // Serves the keyset listing: WHERE organization (and type) ORDER BY inserted_at DESC, id DESC.
        builder.HasIndex(a => new { a.OrganizationId, a.InsertedAt, a.Id }).IsDescending(false, true, true);
        builder.HasIndex(a => new { a.OrganizationId, a.Type, a.InsertedAt, a.Id }).IsDescending(false, false, true, true);
    }

    private static AliasType Parse(string text) =>
        AliasTypes.TryParse(text, out var type) ? type : throw new InvalidOperationException("Unknown alias type in the database.");
}
