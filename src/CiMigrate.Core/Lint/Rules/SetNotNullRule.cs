using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless a validated
/// <c>CHECK (col IS NOT NULL)</c> already proves it (PostgreSQL 12+).
/// </summary>
sealed class SetNotNullRule : ILintRule
{
    public string Id => "set-not-null";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "ALTER COLUMN ... SET NOT NULL on an existing table without a validated CHECK first";
    public string Help => "Migration 1: `ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID`. Migration 2: `VALIDATE CONSTRAINT c; ALTER COLUMN col SET NOT NULL; DROP CONSTRAINT c;` (the validated check spares the scan).";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var (statement, action) in file.ActionsOnExistingTables())
        {
            if (action.Kind != StatementKind.AlterTableSetNotNull || ValidatedBefore(file, statement))
                continue;
            findings.Report(statement, action.FirstToken,
                $"SET NOT NULL on {statement.Target}.{action.NameToken?.Text} scans the whole table while holding an {action.Lock} lock.");
        }
    }

    /// <summary>A VALIDATE CONSTRAINT on the same table earlier in the file: the documented safe sequence.</summary>
    static bool ValidatedBefore(LintFile file, SqlStatement statement) =>
        file.Statements.Take(statement.Index).Any(s =>
            s.Actions.Contains(StatementKind.AlterTableValidateConstraint) && file.SameObject(s.Target, statement.Target));
}
