using AliasService.Domain.Common;
using AliasService.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AliasService.Infrastructure.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(64).IsUnicode(false);
        builder.Property(o => o.Name).HasMaxLength(TextLimits.ColumnLength(TextLimits.OrganizationNameMax)).IsRequired();
        builder.HasMany(o => o.ApiKeys).WithOne().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.ApiKeys).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}
