using CiMigrate.Diagnostics;
using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>The runbook: "Always use IF NOT EXISTS"; a second run of the file must not fail.</summary>
sealed class CreateIfNotExistsRule : ILintRule
{
    public string Id => "create-if-not-exists";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Idempotency;
    public string Summary => "CREATE TABLE, INDEX, SCHEMA, SEQUENCE, EXTENSION or MATERIALIZED VIEW without IF NOT EXISTS";
    public string Help => "Write `CREATE TABLE IF NOT EXISTS ...` (likewise INDEX, SCHEMA, SEQUENCE, EXTENSION) so the migration can run twice.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            // A temporary table dropped on commit cannot be there when the file runs again (Squawk agrees).
            if (statement.HasIfNotExists || statement.DropsOnCommit)
                continue;
            var keyword = statement.Kind switch
            {
                StatementKind.CreateTable or StatementKind.CreateTableAs => "TABLE",
                StatementKind.CreateIndex => "INDEX",
                StatementKind.CreateSchema => "SCHEMA",
                StatementKind.CreateSequence => "SEQUENCE",
                StatementKind.CreateExtension => "EXTENSION",
                StatementKind.CreateMaterializedView => "VIEW",
                _ => null,
            };
            if (keyword is null)
                continue;
            var at = statement.IndexOfKeywords(0, keyword);
            if (at < 0)
                continue;
            if (statement.Kind == StatementKind.CreateIndex && at + 1 < statement.Tokens.Count && statement.Tokens[at + 1].Is("CONCURRENTLY"))
                at++;
            // An unnamed index cannot say IF NOT EXISTS. Built CONCURRENTLY, it is in a no-transaction file, where
            // concurrent-index-guard asks for what matters (a name and a guard); Squawk does not ask either.
            if (statement.Kind == StatementKind.CreateIndex && statement.IsConcurrently && at + 1 < statement.Tokens.Count
                && statement.Tokens[at + 1].Is("ON"))
                continue;
            if (statement.Kind == StatementKind.CreateIndex && at + 1 < statement.Tokens.Count && statement.Tokens[at + 1].Is("ON"))
            {
                findings.Report(statement, "CREATE INDEX without a name cannot say IF NOT EXISTS: a second run creates a duplicate index.",
                    "Name the index and write `CREATE INDEX IF NOT EXISTS idx_<table>_<column> ON ...`.");
                continue;
            }

            var name = statement.Target ?? "";
            findings.Report(statement, $"CREATE {(keyword == "VIEW" ? "MATERIALIZED VIEW" : keyword)} {name} without IF NOT EXISTS fails when the migration runs a second time.",
                fix: LintFix.InsertAfter(statement, at, "IF NOT EXISTS", $"add IF NOT EXISTS to CREATE {keyword} {name}"));
        }
    }
}
