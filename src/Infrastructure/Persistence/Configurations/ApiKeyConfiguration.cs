using AliasService.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AliasService.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(64).IsUnicode(false);
        builder.Property(k => k.OrganizationId).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.HasProtectedColumn(k => k.Secret, required: true);
        builder.Ignore(k => k.IsLasting);
        builder.HasIndex(k => new { k.OrganizationId, k.CreatedAt });
    }
}
