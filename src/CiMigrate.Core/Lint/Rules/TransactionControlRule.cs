using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// ci-migrate runs each migration in its own transaction together with its history row; a COMMIT in the file
/// would record a half-applied migration as applied, a BEGIN would nest.
/// </summary>
sealed class TransactionControlRule : ILintRule
{
    public string Id => "transaction-control";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "BEGIN, COMMIT, ROLLBACK or SAVEPOINT in a migration file, but for a BEGIN ... COMMIT wrapping the whole file";
    public string Help => "Remove it: ci-migrate wraps each migration in a transaction (all or nothing). For statements that cannot run in one, mark the file `-- ci-migrate:no-transaction`.";

    public void Check(LintFile file, FindingCollector findings)
    {
        // A file's BEGIN ... COMMIT wrapper is what ci-migrate does anyway: it runs without the wrapper.
        foreach (var statement in file.Script.StatementsToRun)
        {
            if (statement.Kind == StatementKind.TransactionControl)
                findings.Report(statement, $"{statement.Tokens[0].Keyword}: ci-migrate owns the transaction of each migration; this would break its all-or-nothing guarantee.");
        }
    }
}
