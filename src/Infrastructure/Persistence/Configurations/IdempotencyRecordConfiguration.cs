using AliasService.Domain.Organizations;
using AliasService.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AliasService.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");

        // The primary key is what makes a claim atomic across instances: the second insert of a key fails.
        builder.HasKey(r => new { r.OrganizationId, r.Key });
        builder.Property(r => r.OrganizationId).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKey.MaxLength).IsUnicode(false);
        builder.Property(r => r.Fingerprint).HasMaxLength(32).IsRequired();
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ExpiresAt);
    }
}
