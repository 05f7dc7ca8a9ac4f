using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// CREATE TRIGGER has no IF NOT EXISTS: the trigger is dropped first
/// (<c>DROP TRIGGER IF EXISTS x ON t; CREATE TRIGGER x ...</c>), or created with CREATE OR REPLACE TRIGGER.
/// </summary>
sealed class TriggerDropBeforeCreateRule : ILintRule
{
    public string Id => "trigger-drop-before-create";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Idempotency;
    public string Summary => "CREATE TRIGGER without a DROP TRIGGER IF EXISTS of the same name before it";
    public string Help => "Put `DROP TRIGGER IF EXISTS <name> ON <table>;` right before the CREATE, or write CREATE OR REPLACE TRIGGER (PostgreSQL 14 and later).";

    public void Check(LintFile file, FindingCollector findings) =>
        DropBeforeCreate.Check(file, findings, "TRIGGER", StatementKind.CreateTrigger, StatementKind.DropTrigger);
}
