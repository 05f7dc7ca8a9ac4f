using CiMigrate.Execution.Events;
using CiMigrate.Migrations;
using CiMigrate.Sql;

namespace CiMigrate.Execution;

/// <summary>
/// Checks the files about to run before anything runs, so a run never stops half-way for a reason that was
/// visible in the text: transaction control that is not a whole BEGIN ... COMMIT block, statements that cannot run
/// inside the transaction they would be in (a file's wrapper, the one transaction of <c>--atomic</c> or <c>--dry-run</c>).
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

            problems.AddRange(ContentProblems(statements, checkContent));

            if (file.Script.TransactionMode == TransactionMode.Segmented)
            {
                if (oneTransaction is not null)
                {
                    var apart = file.Script.Segments.First(s => s.Reason is not null);
                    problems.Add(new RunRefused(RefusalCodes.NeedsNoTransaction,
                        $"the file runs in {file.Script.Segments.Count} segments ({apart.Reason}), so it cannot run in the one transaction of {oneTransaction}",
                        $"Apply it without {oneTransaction}: each segment then commits with its progress record.",
                        file.DisplayPath, apart.Statements[0].Line, apart.Statements[0].Column));
                }

                problems.AddRange(file.Script.SegmentProblems.Select(p =>
                    new RunRefused(RefusalCodes.TransactionControl, p.Message, p.Help, p.Statement.Path, p.Statement.Line, p.Statement.Column)));
                continue;
            }

            foreach (var statement in statements)
            {
                if (statement.Kind == StatementKind.TransactionControl)
                {
                    problems.Add(new RunRefused(RefusalCodes.TransactionControl,
                        $"'{TransactionSegments.Head(statement)}' controls the transaction in a file marked {TransactionMarker.Line}, " +
                        "where every statement runs on its own",
                        "Remove it, or remove the marker: ci-migrate then runs the file's BEGIN ... COMMIT blocks as written.",
                        statement.Path, statement.Line, statement.Column));
                }
                else if (!marked && (TransactionSegments.CannotRunInTransaction(statement)
                    ?? TransactionSegments.MustCommitAfter(statement, statements)) is { } reason)
                {
                    // Only a wrapped file (BEGIN first, COMMIT last) gets here: any other file with such a statement runs in segments.
                    problems.Add(new RunRefused(RefusalCodes.NeedsNoTransaction,
                        $"{reason}, and the file's BEGIN ... COMMIT wraps it",
                        "Move it after the COMMIT: ci-migrate then runs it on its own, and the rest in its transaction.",
                        statement.Path, statement.Line, statement.Column));
                }
            }
        }

        return problems;
    }

    /// <summary>Statements no migration of one app may run (global DDL without its allowance) or the shadow may not replay.</summary>
    static IEnumerable<RunRefused> ContentProblems(IReadOnlyList<SqlStatement> statements, ContentChecks checkContent)
    {
        foreach (var statement in statements)
        {
            if (checkContent.HasFlag(ContentChecks.GlobalDdl) && GlobalDdl.Of(statement) is { } global && !GlobalDdl.IsAllowed(statement))
            {
                yield return new RunRefused(RefusalCodes.GlobalDdl, $"{global}: a migration of one app does not change what all apps share",
                    $"Leave it to an operator, or, if it is really meant, say why with '-- {GlobalDdl.Directive} <reason>' on the line above.",
                    statement.Path, statement.Line, statement.Column);
            }
            else if (checkContent.HasFlag(ContentChecks.ServerAccess) && ServerAccess.Of(statement) is { } reach)
            {
                yield return new RunRefused(RefusalCodes.ServerAccess, $"{reach}; the shadow server runs on the CI runner, so it is not replayed",
                    "Remove it: a migration changes the database, not the server's files or programs.",
                    statement.Path, statement.Line, statement.Column);
            }
        }
    }

    /// <summary>Why a schema may never be allowed; null when it may.</summary>
    static string? AllowanceProblem(string schema) =>
        schema.Contains(',', StringComparison.Ordinal) ? "names several schemas; each needs its own line and reason"
        : ReservedSchemas.SystemReason(schema) is { } reason ? $"allows schema {schema}, and {reason}"
        : null;
}
