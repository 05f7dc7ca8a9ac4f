using CiMigrate.Execution.Events;
using CiMigrate.Migrations;
using CiMigrate.Sql;

namespace CiMigrate.Execution;

/// <summary>
/// Checks the files about to run before anything runs, so a run never stops half-way for a reason that was
/// visible in the text: transaction control in a file, and statements that cannot run inside a transaction in a
/// file without the <c>-- ci-migrate:no-transaction</c> marker.
/// </summary>
public static class MigrationPreflight
{
    /// <summary>Every problem of the files, each a refusal at file:line:col; empty when they may run.</summary>
    /// <param name="files">The up (or, for rollback, down) files about to run, in order.</param>
    /// <param name="oneTransaction">For a run that puts every file in one transaction: <c>--atomic</c> or <c>--dry-run</c>; else null.</param>
    /// <param name="checkContent">
    /// What the files' statements are checked for besides transaction control: global DDL for files about to run for
    /// the first time, and, on a server the job started (the shadow), statements reaching its files and programs.
    /// </param>
    public static IReadOnlyList<RunRefused> Check(IEnumerable<MigrationFile> files, string? oneTransaction,
        ContentChecks checkContent = ContentChecks.GlobalDdl)
    {
        var problems = new List<RunRefused>();
        foreach (var file in files)
        {
            var statements = file.Script.StatementsToRun;
            var marked = file.Script.TransactionMode == TransactionMode.NoTransaction;
            if (marked && oneTransaction is not null)
            {
                problems.Add(new RunRefused(RefusalCodes.NoTransactionInOneTransaction,
                    $"the file is marked {TransactionMarker.Line}, so it cannot run in the one transaction of {oneTransaction}",
                    $"Apply it without {oneTransaction}.", file.DisplayPath, 1, 1));
            }

            foreach (var allowance in file.Script.AllowedSchemas.Where(a => a.Schema.Length == 0 || a.Reason.Length == 0))
            {
                problems.Add(new RunRefused(RefusalCodes.AllowSchemaWithoutReason,
                    $"'-- {SchemaAllowance.Directive}' needs a schema and a reason",
                    $"Write '-- {SchemaAllowance.Directive} <schema> <why this migration changes it>': the exception is reviewed with the file.",
                    file.DisplayPath, allowance.Line, 1));
            }

            foreach (var allowance in file.Script.AllowedSchemas.Where(a => a.Schema.Length > 0))
            {
                if (AllowanceProblem(allowance.Schema) is { } problem)
                    problems.Add(new RunRefused(RefusalCodes.AllowSchemaRefused, $"'-- {SchemaAllowance.Directive} {allowance.Schema}' {problem}",
                        $"Allow one schema per '-- {SchemaAllowance.Directive}' line, never PostgreSQL's own or ci_migrate.",
                        file.DisplayPath, allowance.Line, 1));
            }

            foreach (var statement in statements)
            {
                if (statement.Kind == StatementKind.TransactionControl)
                {
                    problems.Add(new RunRefused(RefusalCodes.TransactionControl,
                        $"'{Head(statement)}' controls the transaction, which ci-migrate owns: each migration runs in its own " +
                        $"transaction (or statement by statement with {TransactionMarker.Line})",
                        "Remove it; a failure still rolls the whole file back.", statement.Path, statement.Line, statement.Column));
                }
                else if (checkContent.HasFlag(ContentChecks.GlobalDdl) && GlobalDdl.Of(statement) is { } global && !GlobalDdl.IsAllowed(statement))
                {
                    problems.Add(new RunRefused(RefusalCodes.GlobalDdl, $"{global}: a migration of one app does not change what all apps share",
                        $"Leave it to an operator, or, if it is really meant, say why with '-- {GlobalDdl.Directive} <reason>' on the line above.",
                        statement.Path, statement.Line, statement.Column));
                }
                else if (checkContent.HasFlag(ContentChecks.ServerAccess) && ServerAccess.Of(statement) is { } reach)
                {
                    problems.Add(new RunRefused(RefusalCodes.ServerAccess, $"{reach}; the shadow server runs on the CI runner, so it is not replayed",
                        "Remove it: a migration changes the database, not the server's files or programs.",
                        statement.Path, statement.Line, statement.Column));
                }
                else if (!marked && CannotRunInTransaction(statement, statements) is { } reason)
                {
                    problems.Add(new RunRefused(RefusalCodes.NeedsNoTransaction,
                        $"{reason}: add '{TransactionMarker.Line}' as the first line of the file",
                        "It then runs statement by statement without a transaction, and is recorded after its last statement." +
                        (file.Script.HasMisplacedMarker
                            ? $" (The file mentions {TransactionMarker.NoTransaction}, but only a marker among the comments before the first statement counts.)"
                            : ""),
                        statement.Path, statement.Line, statement.Column));
                }
            }
        }

        return problems;
    }

    /// <summary>Why a schema may never be allowed; null when it may.</summary>
    static string? AllowanceProblem(string schema) =>
        schema.Contains(',', StringComparison.Ordinal) ? "names several schemas; each needs its own line and reason"
        : ReservedSchemas.SystemReason(schema) is { } reason ? $"allows schema {schema}, and {reason}"
        : null;

    static string? CannotRunInTransaction(SqlStatement statement, IReadOnlyList<SqlStatement> statements)
    {
        switch (statement.Kind)
        {
            case StatementKind.CreateIndex or StatementKind.DropIndex or StatementKind.Reindex
                or StatementKind.AlterTableDetachPartition when statement.IsConcurrently:
                return $"'{Head(statement)}' with CONCURRENTLY cannot run inside a transaction";
            case StatementKind.Vacuum:
                return "VACUUM cannot run inside a transaction";
            case StatementKind.CreateDatabase or StatementKind.DropDatabase:
                return $"'{Head(statement)}' cannot run inside a transaction";
            case StatementKind.AlterType when AddedEnumValue(statement) is { } value
                && statements.Skip(statement.Index + 1).Any(s => s.Tokens.Any(t => t.Kind == SqlTokenKind.String && t.Text == value)):
                // https://www.postgresql.org/docs/15/sql-altertype.html: a value added in a transaction block
                // cannot be used until the transaction has been committed.
                return $"the enum value {value} added here is used later in the same file, which PostgreSQL refuses " +
                    "until the ALTER TYPE has committed";
            default:
                return null;
        }
    }

    /// <summary>The quoted value of <c>ALTER TYPE t ADD VALUE [IF NOT EXISTS] 'x'</c>.</summary>
    static string? AddedEnumValue(SqlStatement statement)
    {
        var at = statement.IndexOfKeywords(0, "ADD", "VALUE");
        if (at < 0)
            return null;
        return statement.Tokens.Skip(at + 2).FirstOrDefault(t => t.Kind == SqlTokenKind.String).Text;
    }

    /// <summary>The statement's first words, enough to recognise it in a message.</summary>
    static string Head(SqlStatement statement) =>
        string.Join(' ', statement.Tokens.Take(4).Select(t => t.Keyword ?? t.Text));
}
