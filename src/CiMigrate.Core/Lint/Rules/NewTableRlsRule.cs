using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// On Supabase every table of an exposed schema is reachable with the anon key; without row level security every
/// row is readable and writable by anyone the grants allow.
/// </summary>
sealed class NewTableRlsRule : ILintRule
{
    public string Id => "new-table-rls";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "A new table without ALTER TABLE ... ENABLE ROW LEVEL SECURITY in the same file";
    public string Help => "After CREATE TABLE: `ALTER TABLE <table> ENABLE ROW LEVEL SECURITY;` and the policies that say who sees which rows.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var (create, table) in file.NewTables())
        {
            var enabled = file.Statements.Skip(create.Index + 1).Any(s =>
                s.Actions.Contains(StatementKind.AlterTableEnableRls) && file.SameObject(s.Target, table));
            if (!enabled)
                findings.Report(create, $"New table {table} does not enable row level security: with the anon key anyone can read and write every row the grants allow.");
        }
    }
}
