using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// ALTER COLUMN ... TYPE rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, except for changes
/// PostgreSQL knows to be binary-compatible widenings (<c>varchar(50)</c> to <c>varchar(100)</c> or <c>text</c>,
/// a larger numeric precision, ...). The old type comes from the earlier migrations of the same folder.
/// </summary>
sealed class ChangingColumnTypeRule : ILintRule
{
    public string Id => "changing-column-type";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "ALTER COLUMN ... TYPE that rewrites the table (not a safe widening)";
    public string Help => "Add a new column of the new type, backfill it in batches, switch the apps, then drop the old column (expand-contract). Widening varchar(n) to varchar(m > n) or text is safe.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var (statement, action) in file.ActionsOnExistingTables())
        {
            if (action.NewType is not { } change)
                continue;
            var old = OldType(file, statement, change);
            if (old is not null && !change.HasUsing && ColumnTypeChange.Classify(old, change.Type) == TypeChangeEffect.None)
                continue;
            var from = old is null ? "" : $" from {old}";
            findings.Report(statement, action.FirstToken,
                $"Changing {statement.Target}.{change.Column}{from} to {change.Type} rewrites the table and its indexes under an {action.Lock} lock{(old is null ? " (ci-migrate found no earlier declaration of the column to tell a safe widening)" : "")}.");
        }
    }

    /// <summary>The column's type before this statement: from earlier statements of the file, else earlier migrations.</summary>
    public static string? OldType(LintFile file, SqlStatement statement, NewColumnType change)
    {
        if (statement.Target is not { } target)
            return null;
        var table = SqlNames.LastPart(target);
        string? type = null;
        foreach (var earlier in file.Statements.Take(statement.Index))
        {
            if (earlier.Target is null || SqlNames.LastPart(earlier.Target) != table)
                continue;
            foreach (var action in earlier.AlterActions)
            {
                if (action.Column is { } added && added.Name == change.Column)
                    type = added.Type;
                else if (action.NewType is { } previous && previous.Column == change.Column)
                    type = previous.Type;
            }
        }

        if (type is not null || file.Folder is null || !MigrationFileName.TryParse(file.FileName, out var name))
            return type;
        return file.Folder.ColumnTypes.TypeBefore(name.Value.Version, table, change.Column);
    }
}
