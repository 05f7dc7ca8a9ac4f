using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// The runbook's convention: a change that needs app changes carries a <c>-- BREAKING CHANGE:</c> comment saying
/// what apps must do. Without one, the safe path is expand-contract.
/// </summary>
sealed class BreakingChangeRule : ILintRule
{
    public string Id => "breaking-change";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "DROP/RENAME COLUMN, DROP/RENAME TABLE or a column type change without a -- BREAKING CHANGE: comment";
    public string Help => "Prefer expand-contract: add the new column or table, copy the data, ship apps that use both, and drop the old one in a later migration. If apps are already updated, say so above the statement: `-- BREAKING CHANGE: <what apps must change>`.";

    /// <summary>A down migration undoes by nature; it is not the place for the note.</summary>
    public bool AppliesToDownFiles => false;

    public void Check(LintFile file, FindingCollector findings)
    {
        var documented = false;
        foreach (var statement in file.Statements)
        {
            documented |= statement.LeadingComments.Any(c => c.Contains(LintMarkers.BreakingChange, StringComparison.OrdinalIgnoreCase));
            if (documented)
                return;
            if (statement.Kind == StatementKind.DropTable)
            {
                var existing = statement.Objects.Where(t => !file.CreatesTable(t)).ToList();
                if (existing.Count > 0)
                    findings.Report(statement, $"DROP TABLE {string.Join(", ", existing)} breaks every app still reading it, and loses its data.");
                continue;
            }

            if (file.CreatesTable(statement.Target))
                continue;
            foreach (var action in statement.AlterActions)
            {
                var what = action.Kind switch
                {
                    StatementKind.AlterTableDropColumn => "DROP COLUMN breaks apps still reading or writing the column",
                    StatementKind.AlterTableRenameColumn => "RENAME COLUMN breaks apps still using the old name",
                    StatementKind.AlterTableRename => "RENAME TO breaks apps still using the old table name",
                    StatementKind.AlterTableAlterColumnType when !IsSafeTypeChange(file, statement, action) =>
                        "A column type change can break apps that read or write the column",
                    _ => null,
                };
                if (what is not null)
                    findings.Report(statement, action.FirstToken, $"{what} ({statement.Target}).");
            }
        }
    }

    static bool IsSafeTypeChange(LintFile file, SqlStatement statement, AlterTableAction action) =>
        action.NewType is { } change && ChangingColumnTypeRule.OldType(file, statement, change) is { } old
        && ColumnTypeChange.Classify(old, change.Type) == TypeChangeEffect.None;
}
