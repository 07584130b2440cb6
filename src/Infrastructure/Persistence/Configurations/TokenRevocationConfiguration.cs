using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AliasService.Infrastructure.Persistence.Configurations;

internal sealed class TokenRevocationConfiguration : IEntityTypeConfiguration<TokenRevocation>
{
    public void Configure(EntityTypeBuilder<TokenRevocation> builder)
    {
        builder.ToTable("token_revocations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.AliasId).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.UserId).HasMaxLength(TextLimits.ColumnLength(TextLimits.TokenUserIdMax)).IsRequired();
        builder.HasIndex(r => r.AliasId);
    }
}
