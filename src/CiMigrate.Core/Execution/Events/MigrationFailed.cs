namespace CiMigrate.Execution.Events;

/// <summary>
/// A statement of a migration failed. The finding's line and column point into its file (PostgreSQL's error position
/// mapped through the lexer), its message is PostgreSQL's and its help PostgreSQL's hint. In a transaction nothing of
/// the migration stays; a no-transaction file keeps the <see cref="StatementsCommitted"/> statements that ran before
/// the failing one.
/// </summary>
public sealed record MigrationFailed(
    string Version,
    string Name,
    RunFinding Finding,
    string? Detail,
    string? SqlState,
    bool InTransaction,
    int StatementsCommitted) : RunStop(Finding)
{
    internal MigrationFailed(string version, string name, string file, int line, int column, string message, string? detail, string? hint,
        string? sqlState, bool inTransaction, int statementsCommitted)
        : this(version, name, new RunFinding(file, line, column, RunFinding.MigrationFailedCode, message, hint), detail, sqlState,
            inTransaction, statementsCommitted)
    {
    }
}
