namespace CiMigrate.Execution.Events;

/// <summary>
/// A statement of a migration failed. <see cref="Line"/> and <see cref="Column"/> point into <see cref="File"/>
/// (PostgreSQL's error position mapped through the lexer). In a transaction nothing of the migration stays; a
/// no-transaction file keeps the <see cref="StatementsCommitted"/> statements that ran before the failing one.
/// </summary>
public sealed record MigrationFailed(
    string Version,
    string Name,
    string File,
    int Line,
    int Column,
    string Message,
    string? Detail,
    string? Hint,
    string? SqlState,
    bool InTransaction,
    int StatementsCommitted) : ExecutionEvent;
