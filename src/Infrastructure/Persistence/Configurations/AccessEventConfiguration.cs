using AliasService.Domain.AccessEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AliasService.Infrastructure.Persistence.Configurations;

internal sealed class AccessEventConfiguration : IEntityTypeConfiguration<AccessEvent>
{
    public void Configure(EntityTypeBuilder<AccessEvent> builder)
    {
        builder.ToTable("access_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();

        // No foreign key to the alias: an event may arrive after its alias was deleted (the batch must not fail), and
        // the events of a deleted alias are no longer listed and leave with retention.
        builder.Property(e => e.AliasId).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.OrganizationId).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(e => e.Kind).HasMaxLength(16).IsUnicode(false);
        builder.Property(e => e.Outcome).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.Reason).HasMaxLength(AccessEvent.MaxTextLength);
        builder.Property(e => e.Credential).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.UserId).HasMaxLength(AccessEvent.MaxTextLength);
        builder.Property(e => e.ClientAddress).HasMaxLength(AccessEvent.MaxAddressLength).IsUnicode(false);
        builder.Property(e => e.ApiKeyId).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.ChangedFields).HasMaxLength(256).IsUnicode(false);

        // The listing: one alias's events newest first (id descending), scoped by organization.
        builder.HasIndex(e => new { e.AliasId, e.Id });
        builder.HasIndex(e => e.OccurredAt);
    }
}
