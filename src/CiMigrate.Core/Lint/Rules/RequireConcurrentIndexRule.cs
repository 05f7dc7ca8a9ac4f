using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// A plain CREATE INDEX holds a SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE
/// waits (https://www.postgresql.org/docs/15/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY). A table created
/// in the same file is empty and unseen, so its indexes are fine.
/// </summary>
sealed class RequireConcurrentIndexRule : ILintRule
{
    public string Id => "require-concurrent-index";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "CREATE INDEX without CONCURRENTLY on an existing table";
    public string Help => "Use `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` in a migration of its own marked `-- ci-migrate:no-transaction` (CONCURRENTLY cannot run in a transaction).";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind == StatementKind.CreateIndex && !statement.IsConcurrently && !file.CreatesTable(statement.Table))
                findings.Report(statement, $"CREATE INDEX on {statement.Table} without CONCURRENTLY blocks every write to the table while the index builds.");
        }
    }
}
