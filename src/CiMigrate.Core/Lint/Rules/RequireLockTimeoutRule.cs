using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// A DDL statement waiting for its lock queues every later query on the table behind it; <c>lock_timeout</c>
/// bounds that wait. ci-migrate's executor sets lock_timeout itself (environment setting <c>lockTimeout</c>,
/// 5 s) and retries, so this rule is off by default; turn it on when the same files are also applied by other
/// tools (psql, <c>supabase db push</c>).
/// </summary>
sealed class RequireLockTimeoutRule : ILintRule
{
    public string Id => "require-lock-timeout";
    public LintSeverity DefaultSeverity => LintSeverity.Off;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "Lock-taking DDL in a file that does not SET lock_timeout first";
    public string Help => "Start the file with `SET lock_timeout = '5s';` (after the search_path header) so a blocked DDL fails fast instead of stalling the table.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind == StatementKind.Set && IsLockTimeout(statement))
                return;
            if (TakesLock(file, statement))
            {
                findings.Report(statement, $"{StatementKindWords.Of(statement.Kind)} takes a lock on {statement.Table ?? statement.Target} with no lock_timeout set: if it has to wait, every query on the table queues behind it.");
                return;
            }
        }
    }

    static bool IsLockTimeout(SqlStatement statement) =>
        statement.Tokens.Count > 1 && (statement.Tokens[1].Is("LOCK_TIMEOUT") || statement.Tokens.Count > 2 && statement.Tokens[2].Is("LOCK_TIMEOUT"));

    /// <summary>A lock a waiting query can queue behind: CONCURRENTLY builds wait, but let the app's queries through.</summary>
    static bool TakesLock(LintFile file, SqlStatement statement) =>
        statement.Lock is not null && !(statement.IsConcurrently && statement.Kind != StatementKind.AlterTableDetachPartition)
        && !file.CreatesTable(statement.Table ?? statement.Target);
}
