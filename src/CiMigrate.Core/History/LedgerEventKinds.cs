namespace CiMigrate.History;

/// <summary>The stored spelling of each <see cref="LedgerEventKind"/>: stable text, because SQL users query it.</summary>
public static class LedgerEventKinds
{
    public static string Text(this LedgerEventKind kind) => kind switch
    {
        LedgerEventKind.Apply => "apply",
        LedgerEventKind.Rollback => "rollback",
        LedgerEventKind.Baseline => "baseline",
        LedgerEventKind.AcceptChecksum => "repair-accept-checksum",
        LedgerEventKind.Forget => "repair-forget",
        LedgerEventKind.Failure => "failure",
        LedgerEventKind.Restore => "repair-restore",
        LedgerEventKind.Copy => "copy",
        LedgerEventKind.PartialApplied => "repair-partial-applied",
        LedgerEventKind.PartialNotApplied => "repair-partial-not-applied",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
