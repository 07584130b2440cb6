using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AliasService.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddJwtKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jwt_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublicKeyPem = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16384, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jwt_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jwt_keys_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_jwt_keys_OrganizationId_CreatedAt_Id",
                table: "jwt_keys",
                columns: new[] { "OrganizationId", "CreatedAt", "Id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jwt_keys");
        }
    }
}
