using CiMigrate.Migrations;
using CiMigrate.Sql;

namespace CiMigrate.Copying;

/// <summary>
/// One script that builds the target's structure, already renamed: a migration applied on the source (recorded in
/// the target's ledger with <see cref="Checksum"/>, the checksum of the text as run), or the source's catalog dump.
/// </summary>
sealed record StructureScript(SqlScript Script, Migration? Migration, string Checksum);
