using CiMigrate.Configuration;
using CiMigrate.Diagnostics;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and VACUUM inside a transaction block
/// (https://www.postgresql.org/docs/15/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY), and ci-migrate runs
/// each migration in one unless the file is marked.
/// </summary>
sealed class ConcurrentlyInTransactionRule : ILintRule
{
    public string Id => "concurrently-in-transaction";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "CONCURRENTLY or VACUUM in a migration that runs inside a transaction";
    public string Help => $"Put the statement in its own migration file whose first line is `{TransactionMarker.Line}`; ci-migrate then runs its statements one by one, outside a transaction.";

    public void Check(LintFile file, FindingCollector findings)
    {
        var inExplicitTransaction = false;
        foreach (var statement in file.Statements)
        {
            if (statement.Kind == StatementKind.TransactionControl)
                inExplicitTransaction = statement.Tokens[0].Is("BEGIN") || statement.Tokens[0].Is("START")
                    || (inExplicitTransaction && (statement.Tokens[0].Is("SAVEPOINT") || statement.Tokens[0].Is("RELEASE")));
            if (!statement.IsConcurrently && statement.Kind != StatementKind.Vacuum)
                continue;
            var what = statement.Kind == StatementKind.Vacuum ? "VACUUM" : $"{StatementKindWords.Of(statement.Kind)} CONCURRENTLY";
            if (file.Script.TransactionMode != TransactionMode.NoTransaction)
                findings.Report(statement, $"{what} cannot run inside a transaction block, and this migration runs in one: it fails.{MisplacedMarker(file)}",
                    fix: MarkerFix(file));
            else if (inExplicitTransaction)
                findings.Report(statement, $"{what} follows a BEGIN in the file: PostgreSQL refuses it inside a transaction block.");
        }
    }

    static string MisplacedMarker(LintFile file) => file.Script.HasMisplacedMarker
        ? $" The file mentions {TransactionMarker.NoTransaction}, but only a marker among the comments before the first statement counts."
        : "";

    /// <summary>
    /// The marker at the top, when the file does only what runs safely statement by statement (the CONCURRENTLY
    /// statements and session settings): a file that mixes them with other changes must be split by its author,
    /// since marking it would run those changes without their all-or-nothing transaction.
    /// </summary>
    static LintFix? MarkerFix(LintFile file) =>
        !file.Statements.All(s => s.IsConcurrently || s.Kind is StatementKind.Vacuum
            or StatementKind.Set or StatementKind.SetSearchPath or StatementKind.Reset)
            ? null
            : LintFix.Insert($"add {TransactionMarker.Line} at the top", 0, TransactionMarker.Line + "\n");
}
