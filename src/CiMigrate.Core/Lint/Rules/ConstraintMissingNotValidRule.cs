using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// Adding a FOREIGN KEY or CHECK validates every row while writes wait; <c>NOT VALID</c> then
/// <c>VALIDATE CONSTRAINT</c> in a later migration checks the rows under a lock that lets writes through.
/// Validating in the same file gains nothing: the migration's one transaction keeps the first lock.
/// </summary>
sealed class ConstraintMissingNotValidRule : ILintRule
{
    public string Id => "constraint-missing-not-valid";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "ADD CONSTRAINT ... FOREIGN KEY/CHECK on an existing table without NOT VALID";
    public string Help => "`ALTER TABLE t ADD CONSTRAINT c ... NOT VALID;` now, and `ALTER TABLE t VALIDATE CONSTRAINT c;` in a later migration.";

    public void Check(LintFile file, FindingCollector findings)
    {
        var addedNotValid = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (statement, action) in file.ActionsOnExistingTables())
        {
            if (action.Kind == StatementKind.AlterTableAddConstraint)
            {
                var isChecked = action.Contains("FOREIGN", "KEY") || action.Contains("CHECK") || action.Contains("REFERENCES");
                if (!isChecked)
                    continue;
                var name = action.NameToken?.Name;
                if (action.Contains("NOT", "VALID"))
                {
                    if (name is not null)
                        addedNotValid.Add(name);
                    continue;
                }

                var kind = action.Contains("CHECK") ? "CHECK" : "FOREIGN KEY";
                findings.Report(statement, action.FirstToken,
                    $"ADD CONSTRAINT {name} {kind} without NOT VALID checks every row of {statement.Target} while writes wait.");
            }
            else if (action.Kind == StatementKind.AlterTableValidateConstraint
                     && action.NameToken?.Name is { } validated && addedNotValid.Contains(validated))
            {
                findings.Report(statement, action.FirstToken,
                    $"VALIDATE CONSTRAINT {validated} in the same migration that added it NOT VALID: the migration's one transaction still holds the ADD's lock while every row is checked.",
                    "Move the VALIDATE CONSTRAINT to a later migration.");
            }
        }
    }
}
