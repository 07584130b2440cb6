using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AliasService.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AccessEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AliasId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false, collation: "C"),
                    OrganizationId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false, collation: "C"),
                    OccurredAt = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false, collation: "C"),
                    Outcome = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Credential = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true, collation: "C"),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClientAddress = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true, collation: "C"),
                    ApiKeyId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true, collation: "C"),
                    ChangedFields = table.Column<string>(type: "character varying(256)", unicode: false, maxLength: 256, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_events_AliasId_Id",
                table: "access_events",
                columns: new[] { "AliasId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_access_events_OccurredAt",
                table: "access_events",
                column: "OccurredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_events");
        }
    }
}
