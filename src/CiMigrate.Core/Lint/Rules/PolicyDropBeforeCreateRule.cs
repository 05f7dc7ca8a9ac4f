using CiMigrate.Configuration;
using CiMigrate.Diagnostics;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// CREATE POLICY and CREATE TRIGGER have no IF NOT EXISTS; the runbook's pattern drops the old one first:
/// <c>DROP POLICY IF EXISTS "x" ON t; CREATE POLICY "x" ON t ...</c>.
/// </summary>
sealed class PolicyDropBeforeCreateRule : ILintRule
{
    public string Id => "policy-drop-before-create";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Idempotency;
    public string Summary => "CREATE POLICY or CREATE TRIGGER without a DROP ... IF EXISTS of the same name before it";
    public string Help => "Put `DROP POLICY IF EXISTS \"<name>\" ON <table>;` (or `DROP TRIGGER IF EXISTS <name> ON <table>;`) right before the CREATE.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            var (keyword, drop) = statement.Kind switch
            {
                StatementKind.CreatePolicy => ("POLICY", StatementKind.DropPolicy),
                StatementKind.CreateTrigger when !statement.IsOrReplace => ("TRIGGER", StatementKind.DropTrigger),
                _ => ("", StatementKind.Other),
            };
            if (drop == StatementKind.Other || statement.Objects.Count == 0 || statement.Table is not { } table)
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
