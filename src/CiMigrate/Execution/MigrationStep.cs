using CiMigrate.Migrations;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// One file to run with the ledger command that records it: an up file and its <c>apply</c> row, or a down file
/// and the removal of its row. Both go in the same transaction.
/// </summary>
sealed record MigrationStep(Migration Migration, MigrationFile File, Func<NpgsqlBatchCommand> Record, bool Forward);
