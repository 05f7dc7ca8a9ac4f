using CiMigrate.Diagnostics;
using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// Functions and views are replaced in place (<c>CREATE OR REPLACE</c>); types and domains have no such form and
/// need a guard, as PostgreSQL has no <c>CREATE TYPE IF NOT EXISTS</c>.
/// </summary>
sealed class CreateOrReplaceRule : ILintRule
{
    const string TypeGuard = "Wrap it in a guard: `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = '<name>' AND n.nspname = '<schema>') THEN CREATE TYPE ...; END IF; END $$;`";

    public string Id => "create-or-replace";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Idempotency;
    public string Summary => "CREATE FUNCTION/PROCEDURE/VIEW without OR REPLACE; CREATE TYPE/DOMAIN without a guard";
    public string Help => "Write `CREATE OR REPLACE FUNCTION` / `CREATE OR REPLACE VIEW`.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            switch (statement.Kind)
            {
                case StatementKind.CreateFunction or StatementKind.CreateProcedure or StatementKind.CreateView when !statement.IsOrReplace:
                    var what = StatementKindWords.Of(statement.Kind)["CREATE ".Length..];
                    findings.Report(statement, $"CREATE {what} {statement.Target} without OR REPLACE fails when the migration runs a second time.",
                        fix: LintFix.InsertAfter(statement, 0, "OR REPLACE", $"add OR REPLACE to CREATE {what} {statement.Target}"));
                    break;
                case StatementKind.CreateType or StatementKind.CreateDomain when !DroppedBefore(file, statement):
                    var kind = statement.Kind == StatementKind.CreateType ? "TYPE" : "DOMAIN";
                    findings.Report(statement, $"CREATE {kind} {statement.Target} has no OR REPLACE or IF NOT EXISTS in PostgreSQL: a second run fails.",
                        TypeGuard.Replace("CREATE TYPE", $"CREATE {kind}", StringComparison.Ordinal));
                    break;
            }
        }
    }

    static bool DroppedBefore(LintFile file, SqlStatement create)
    {
        var drop = create.Kind == StatementKind.CreateType ? StatementKind.DropType : StatementKind.DropDomain;
        return file.Statements.Take(create.Index).Any(s => s.Kind == drop && s.Objects.Any(o => file.SameObject(o, create.Target)));
    }
}
