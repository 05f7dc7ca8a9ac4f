using CiMigrate.Diagnostics;
using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>A DROP without IF EXISTS fails on the second run, when the object is already gone.</summary>
sealed class DropIfExistsRule : ILintRule
{
    public string Id => "drop-if-exists";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Idempotency;
    public string Summary => "DROP (table, index, view, function, trigger, policy, column, constraint, ...) without IF EXISTS";
    public string Help => "Write `DROP ... IF EXISTS ...` (and `DROP COLUMN IF EXISTS`, `DROP CONSTRAINT IF EXISTS`) so the migration can run twice.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (KeywordOf(statement.Kind) is { } keyword)
                CheckDrop(statement, keyword, findings);
            foreach (var action in statement.AlterActions)
            {
                if (action.Kind is StatementKind.AlterTableDropColumn or StatementKind.AlterTableDropConstraint)
                    CheckDropAction(statement, action, findings);
            }
        }
    }

    static void CheckDrop(SqlStatement statement, string keyword, FindingCollector findings)
    {
        if (statement.HasIfExists)
            return;
        var at = statement.IndexOfKeywords(1, keyword);
        if (at < 0)
            return;
        if (at + 1 < statement.Tokens.Count && statement.Tokens[at + 1].Is("CONCURRENTLY"))
            at++;
        var what = statement.TextOf(0, at + 1);
        findings.Report(statement, $"{what} {statement.Target} without IF EXISTS fails when the migration runs a second time.",
            fix: LintFix.InsertAfter(statement, at, "IF EXISTS", $"add IF EXISTS to {what} {statement.Target}"));
    }

    static void CheckDropAction(SqlStatement statement, AlterTableAction action, FindingCollector findings)
    {
        if (action.HasIfExists)
            return;
        var what = action.Kind == StatementKind.AlterTableDropColumn ? "DROP COLUMN" : "DROP CONSTRAINT";
        var name = action.NameToken?.Text ?? "";
        findings.Report(statement, action.FirstToken, $"{what} {name} without IF EXISTS fails when the migration runs a second time.",
            fix: LintFix.InsertAfter(statement, action.GuardAfter, "IF EXISTS", $"add IF EXISTS to {what} {name}"));
    }

    static string? KeywordOf(StatementKind kind) => kind switch
    {
        StatementKind.DropTable => "TABLE",
        StatementKind.DropIndex => "INDEX",
        StatementKind.DropView or StatementKind.DropMaterializedView => "VIEW",
        StatementKind.DropFunction => "FUNCTION",
        StatementKind.DropProcedure => "PROCEDURE",
        StatementKind.DropTrigger => "TRIGGER",
        StatementKind.DropPolicy => "POLICY",
        StatementKind.DropSchema => "SCHEMA",
        StatementKind.DropSequence => "SEQUENCE",
        StatementKind.DropExtension => "EXTENSION",
        StatementKind.DropType => "TYPE",
        StatementKind.DropDomain => "DOMAIN",
        _ => null,
    };
}
