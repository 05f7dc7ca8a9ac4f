using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>Adding a NOT NULL column without a default fails on any table that has rows.</summary>
sealed class AddingRequiredFieldRule : ILintRule
{
    public string Id => "adding-required-field";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "ADD COLUMN ... NOT NULL without a DEFAULT";
    public string Help => "Add the column nullable (or with a non-volatile DEFAULT), backfill it, then add the NOT NULL constraint safely (see set-not-null).";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var (statement, action) in file.ActionsOnExistingTables())
        {
            if (action.Kind != StatementKind.AlterTableAddColumn || !action.Contains("NOT", "NULL")
                || action.Contains("DEFAULT") || action.Contains("GENERATED"))
                continue;
            var column = action.Column;
            if (column is not null && ColumnTypes.IsSerial(column.Type))
                continue;
            findings.Report(statement, action.FirstToken,
                $"ADD COLUMN {column?.Name} NOT NULL without a DEFAULT fails as soon as {statement.Target} has a row.");
        }
    }
}
