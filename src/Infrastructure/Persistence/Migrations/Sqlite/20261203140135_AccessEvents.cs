using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AliasService.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AliasId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Credential = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClientAddress = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    ApiKeyId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    ChangedFields = table.Column<string>(type: "TEXT", unicode: false, maxLength: 256, nullable: true)
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
