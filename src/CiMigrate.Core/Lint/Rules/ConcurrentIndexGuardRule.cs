using CiMigrate.Configuration;
using CiMigrate.Diagnostics;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// A <c>CREATE INDEX CONCURRENTLY</c> that fails (duplicates for a UNIQUE index, a deadlock, a killed run) leaves the
/// index behind, marked INVALID (https://www.postgresql.org/docs/15/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY).
/// <c>IF NOT EXISTS</c> then skips it on the next run, which succeeds and records the migration with an index that
/// no query uses and that, UNIQUE, enforces nothing. Dropping a leftover first makes the re-run build it again.
/// </summary>
sealed class ConcurrentIndexGuardRule : ILintRule
{
    public string Id => "concurrent-index-guard";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Idempotency;
    public string Summary => "CREATE INDEX CONCURRENTLY IF NOT EXISTS without DROP INDEX CONCURRENTLY IF EXISTS of the same index before it";
    public string Help => "Put `DROP INDEX CONCURRENTLY IF EXISTS <index>;` right before it (`ci-migrate lint --fix` does): a re-run then rebuilds an index a failed run left INVALID instead of keeping it.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind != StatementKind.CreateIndex || !statement.IsConcurrently || !statement.HasIfNotExists
                || statement.Target is not { } index || statement.Table is not { } table || index == table)
                continue;
            var guarded = file.Statements.Take(statement.Index).Any(s => s.Kind == StatementKind.DropIndex && s.IsConcurrently
                && s.HasIfExists && s.Objects.Any(dropped => SqlNames.LastPart(dropped) == index));
            if (guarded)
                continue;

            var guard = $"DROP INDEX CONCURRENTLY IF EXISTS {AsWritten(statement)};";
            findings.Report(statement,
                $"CREATE INDEX CONCURRENTLY IF NOT EXISTS {index}: if a run fails part-way, {index} stays behind INVALID, and IF NOT EXISTS makes the next run keep it and record the migration as applied.",
                $"Put `{guard}` right before it: a re-run then builds the index again.",
                LintFix.InsertBefore(file.Text, statement, guard, $"add {guard}"));
        }
    }

    /// <summary>
    /// The index's name as written, qualified with its table's schema as written when the table is: an index lives
    /// in its table's schema, and the DROP must find it there whatever the search_path.
    /// </summary>
    static string AsWritten(SqlStatement statement)
    {
        var name = statement.IndexOfKeywords(0, "IF", "NOT", "EXISTS") + 3;
        var on = statement.IndexOfKeywords(name, "ON");
        var table = on + (on + 1 < statement.Tokens.Count && statement.Tokens[on + 1].Is("ONLY") ? 2 : 1);
        var qualified = table + 2 < statement.Tokens.Count && statement.Tokens[table + 1].IsSymbol(".");
        return qualified ? $"{statement.Tokens[table].Text}.{statement.NameTextAt(name)}" : statement.NameTextAt(name);
    }
}
