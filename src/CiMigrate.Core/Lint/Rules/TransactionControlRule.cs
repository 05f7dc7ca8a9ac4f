using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// ci-migrate runs a file's own <c>BEGIN ... COMMIT</c> blocks as written, each a segment (as the Supabase CLI does);
/// transaction control that is no whole block (a COMMIT without BEGIN, a block that never ends or ends in ROLLBACK,
/// a BEGIN in a file marked no-transaction) is refused before anything runs, and reported here.
/// </summary>
sealed class TransactionControlRule : ILintRule
{
    public string Id => "transaction-control";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "BEGIN, COMMIT, ROLLBACK or SAVEPOINT that is not part of a whole BEGIN ... COMMIT block of the file";
    public string Help => "Make each block whole (BEGIN ... COMMIT or END): ci-migrate runs such blocks as written, each committed with its progress record. Or remove the statement: without blocks the file is one transaction.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var problem in file.Script.SegmentProblems)
            findings.Report(problem.Statement, $"{problem.Message}. {problem.Help}");
        if (file.Script.TransactionMode != TransactionMode.NoTransaction)
            return;
        foreach (var statement in file.Script.StatementsToRun.Where(s => s.Kind == StatementKind.TransactionControl))
        {
            findings.Report(statement, $"{statement.Tokens[0].Keyword} in a file marked {TransactionMarker.Line}, where every " +
                "statement runs on its own outside a transaction: remove it, or remove the marker to run the file's blocks as written.");
        }
    }
}
