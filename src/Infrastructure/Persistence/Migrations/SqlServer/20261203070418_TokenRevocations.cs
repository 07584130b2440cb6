using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AliasService.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TokenRevocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "TokensRevokedAt",
                table: "aliases",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "token_revocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AliasId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    UserId = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_token_revocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_token_revocations_aliases_AliasId",
                        column: x => x.AliasId,
                        principalTable: "aliases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_token_revocations_AliasId",
                table: "token_revocations",
                column: "AliasId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "token_revocations");

            migrationBuilder.DropColumn(
                name: "TokensRevokedAt",
                table: "aliases");
        }
    }
}
