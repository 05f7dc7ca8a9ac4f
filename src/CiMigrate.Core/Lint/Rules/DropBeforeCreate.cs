using CiMigrate.Diagnostics;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// What <see cref="PolicyDropBeforeCreateRule"/> and <see cref="TriggerDropBeforeCreateRule"/> share: objects that
/// live on a table and have no IF NOT EXISTS are dropped first (<c>DROP POLICY IF EXISTS "x" ON t; CREATE POLICY "x" ON t ...</c>).
/// </summary>
static class DropBeforeCreate
{
    /// <summary>Reports each CREATE <paramref name="keyword"/> with no DROP of the same name on the same table before it.</summary>
    public static void Check(LintFile file, FindingCollector findings, string keyword, StatementKind create, StatementKind drop)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind != create || statement.IsOrReplace || statement.Objects.Count == 0 || statement.Table is not { } table)
                continue;
            var name = statement.Objects[0];
            var dropped = file.Statements.Take(statement.Index).Any(s =>
                s.Kind == drop && s.Objects.Count > 0 && s.Objects[0] == name && file.SameObject(s.Table, table));
            if (dropped)
                continue;

            var at = statement.IndexOfKeywords(0, keyword);
            var on = statement.IndexOfKeywords(at + 1, "ON");
            if (at < 0 || on < 0)
                continue;
            var nameText = statement.NameTextAt(at + 1);
            var tableText = statement.NameTextAt(on + 1);
            var dropText = $"DROP {keyword} IF EXISTS {nameText} ON {tableText};";
            findings.Report(statement, $"CREATE {keyword} {nameText} fails when the migration runs a second time: nothing drops it first.",
                $"Put `{dropText}` right before it.",
                LintFix.InsertBefore(file.Text, statement, dropText, $"add {dropText}"));
        }
    }
}
