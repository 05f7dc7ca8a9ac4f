namespace CiMigrate.History;

/// <summary>What a row of <c>ci_migrate.events</c> records; stored as the kebab-case text of <see cref="LedgerEventKinds.Text"/>.</summary>
public enum LedgerEventKind
{
    Apply,
    Rollback,
    Baseline,
    AcceptChecksum,
    Forget,
    Failure,
    Restore,
    Copy,
    PartialApplied,
    PartialNotApplied,
}
