using AliasService.Domain.Common;
using AliasService.Domain.JwtKeys;
using AliasService.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AliasService.Infrastructure.Persistence.Configurations;

internal sealed class JwtKeyConfiguration : IEntityTypeConfiguration<JwtKey>
{
    public void Configure(EntityTypeBuilder<JwtKey> builder)
    {
        builder.ToTable("jwt_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(64).IsUnicode(false);
        builder.Property(k => k.OrganizationId).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(k => k.Name).HasMaxLength(TextLimits.ColumnLength(TextLimits.JwtKeyNameMax)).IsRequired();
        builder.Property(k => k.PublicKeyPem).HasMaxLength(TextLimits.PublicKeyPemMax).IsUnicode(false).IsRequired();
        builder.Property(k => k.Algorithm).HasMaxLength(16).IsUnicode(false).IsRequired();
        builder.Property(k => k.Fingerprint).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.HasOne<Organization>().WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => new { k.OrganizationId, k.CreatedAt, k.Id }).IsDescending(false, true, true);
    }
}
