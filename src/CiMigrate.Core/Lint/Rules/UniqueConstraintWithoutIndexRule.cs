using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// ADD CONSTRAINT ... UNIQUE or PRIMARY KEY, and ADD COLUMN ... UNIQUE (inline, named or not, as Squawk's
/// <c>disallowed-unique-constraint</c> reads it), build their index under an ACCESS EXCLUSIVE lock: reads and writes
/// wait for the whole build. Build the index concurrently first and attach it with <c>USING INDEX</c>.
/// </summary>
sealed class UniqueConstraintWithoutIndexRule : ILintRule
{
    public string Id => "unique-constraint-without-index";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "ADD CONSTRAINT ... UNIQUE/PRIMARY KEY or ADD COLUMN ... UNIQUE/PRIMARY KEY on an existing table without USING INDEX";
    public string Help => "`CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t (c);` in a no-transaction migration, then `ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i;`.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var (statement, action) in file.ActionsOnExistingTables())
        {
            if (action.Kind is not (StatementKind.AlterTableAddConstraint or StatementKind.AlterTableAddColumn) || action.Contains("USING", "INDEX"))
                continue;
            var kind = action.Contains("UNIQUE") ? "UNIQUE" : action.Contains("PRIMARY", "KEY") ? "PRIMARY KEY" : null;
            if (kind is null)
                continue;
            var what = action.Kind == StatementKind.AlterTableAddColumn ? $"ADD COLUMN {action.Column?.Name} {kind}" : $"ADD {kind}";
            findings.Report(statement, action.FirstToken,
                $"{what} on {statement.Target} builds its index while holding an {action.Lock} lock: reads and writes wait.");
        }
    }
}
