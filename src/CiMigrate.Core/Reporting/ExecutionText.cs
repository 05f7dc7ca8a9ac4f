using System.Globalization;
using CiMigrate.Execution.Events;

namespace CiMigrate.Reporting;

/// <summary>Events as lines for people: printed as they happen, so a long migration shows where it is.</summary>
public static class ExecutionText
{
    /// <summary>The lines of one event; none for events only <c>--verbose</c> shows. In a dry run, what ran "would apply".</summary>
    public static IEnumerable<string> Lines(ExecutionEvent executionEvent, bool verbose, bool dryRun = false)
    {
        switch (executionEvent)
        {
            case LockWaiting wait:
                yield return wait.HolderPid is null
                    ? $"waiting for the migration lock of {wait.App} (up to {Seconds(wait.Limit)})"
                    : $"waiting for the migration lock of {wait.App}: held by '{wait.HolderApplicationName}' (pid {wait.HolderPid}, " +
                      $"connected since {wait.HolderSince?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z); waiting up to {Seconds(wait.Limit)}";
                break;
            case LockAcquired acquired when verbose || acquired.Waited > TimeSpan.FromSeconds(1):
                yield return $"migration lock of {acquired.App} acquired after {Seconds(acquired.Waited)}";
                break;
            case LedgerUpgraded { FromVersion: 0 } ledger:
                yield return $"created the ledger schema ci_migrate (version {ledger.ToVersion})";
                break;
            case LedgerUpgraded ledger:
                yield return $"upgraded the ledger schema ci_migrate from version {ledger.FromVersion} to {ledger.ToVersion}";
                break;
            case SchemaGuardUnavailable guard:
                yield return $"warning: the schema guard cannot watch DDL here: {guard.Role} may not create event triggers ({guard.Reason}); " +
                    "the ledger stays guarded. Run ci-migrate once as a superuser (or Supabase's postgres role) to install it, or set apps.<name>.role.";
                break;
            case SchemaGuardRepaired repaired:
                yield return $"warning: the schema guard's event trigger {string.Join(", ", repaired.Triggers)} was disabled or changed " +
                    "since the last run, and was repaired before anything ran. Find out who changed it: a migration cannot, an operator or another tool did.";
                break;
            case SchemaCreated schema:
                yield return $"created schema {schema.Schema}";
                break;
            case BackupWritten backup:
                yield return $"backup written: {backup.Path}";
                break;
            case BackupNotNeeded first:
                yield return $"no backup taken: schema {first.Schema} does not exist yet; this run creates it, and dropping it undoes the run";
                break;
            case WrapperLeftOut wrapped:
                yield return $"note: {wrapped.File} is wrapped in BEGIN ... COMMIT; it runs without the wrapper, in one transaction " +
                    "with its ledger row, as every migration does";
                break;
            case MigrationStarted started when verbose:
                yield return $"running {started.File}{(started.InTransaction ? "" : " (in segments, each committed with its progress record)")}";
                break;
            case MigrationResumed resumed:
                yield return $"resuming {resumed.File} at segment {resumed.FromSegment} of {resumed.Segments}: an earlier run committed " +
                    $"the segments before it, and they are unchanged in the file";
                break;
            case SegmentCommitted segment when verbose:
                yield return $"{segment.File}: segment {segment.Segment} of {segment.Segments} committed ({segment.What}" +
                    $"{(segment.InTransaction ? "" : ", outside a transaction")})";
                break;
            case MigrationApplied applied when dryRun:
                yield return $"would apply {applied.File} (ran in {Milliseconds(applied.Duration)}, rolled back)";
                break;
            case MigrationApplied applied:
                yield return $"applied {applied.File} ({Milliseconds(applied.Duration)})";
                break;
            case MigrationRolledBack rolledBack:
                yield return $"rolled back {rolledBack.Version}_{rolledBack.Name} with {rolledBack.File} ({Milliseconds(rolledBack.Duration)})";
                break;
            case MigrationFailed failed:
                foreach (var line in FailureLines(failed))
                    yield return line;
                break;
            case LockTimeoutRetry retry:
                yield return $"lock timeout in {retry.File} (attempt {retry.Attempt} of {retry.MaxAttempts}): {retry.Message}; " +
                             $"trying again in {Seconds(retry.Delay)}";
                break;
            case MigrationSkipped skipped:
                yield return $"not applied: {skipped.Version}_{skipped.Name} ({skipped.Reason})";
                break;
            case MigrationBaselined baselined:
                yield return $"marked {baselined.Version}_{baselined.Name} as applied without running it (baseline)";
                break;
            case ChecksumAccepted accepted:
                yield return $"accepted the new checksum of {accepted.Version}: {accepted.OldChecksum[..12]}… → {accepted.NewChecksum[..12]}…";
                break;
            case MigrationForgotten forgotten:
                yield return $"forgot {forgotten.Version}_{forgotten.Name}: its ledger row is removed, its objects are untouched";
                break;
            case SupabaseVersionTaken taken:
                yield return $"supabase_migrations.schema_migrations holds version {taken.Version} as '{taken.TakenBy ?? "(no name)"}', " +
                             $"not {taken.Version}_{taken.Name}: that row is another app's, left as it is";
                break;
            case PartialSettled { AsApplied: true } settled:
                yield return $"marked {settled.Version}_{settled.Name} applied: {settled.SegmentsCommitted} of {settled.Segments} segments " +
                    $"had committed, the rest is taken as done by hand ({settled.Reason})";
                break;
            case PartialSettled settled:
                yield return $"marked {settled.Version}_{settled.Name} not applied: the record of its {settled.SegmentsCommitted} committed " +
                    $"segment(s) is removed, its objects are untouched ({settled.Reason}); the next apply runs it from its first segment";
                break;
            case SchemaUsageGranted usage:
                yield return $"granted USAGE on schema {usage.Schema} to {string.Join(", ", usage.Roles)} (the roles Supabase's API uses)";
                break;
            case SupabaseRowAdopted adopted:
                yield return $"supabase_migrations.schema_migrations row {adopted.RowVersion} '{adopted.RowName ?? "(no name)"}' matched " +
                             $"{adopted.Version}_{adopted.Name} {adopted.How}";
                break;
            case SupabaseRowLeft rowLeft:
                yield return $"left supabase_migrations.schema_migrations row {rowLeft.Version} '{rowLeft.Name ?? "(no name)"}': {rowLeft.Reason}";
                break;
            case LedgerRowRestored restored:
                yield return $"restored the ledger row of {restored.Version}_{restored.Name} (checksum {restored.Checksum[..12]}…) from its apply event";
                break;
            case DryRunRolledBack rolledBackRun:
                yield return $"dry run: {rolledBackRun.Migrations} migration(s) ran in one transaction that was rolled back; nothing changed";
                break;
            case PostgrestNotified when verbose:
                yield return "sent NOTIFY pgrst, 'reload schema'";
                break;
            case PostgrestRestarted restarted:
                yield return $"restarted PostgREST: deployment {restarted.Namespace}/{restarted.Deployment} rolled out ({Seconds(restarted.Duration)})";
                break;
            case GrantsChecked { Missing.Count: > 0 } grants:
                yield return grants.Granted
                    ? "granted what the runbook's step 4 asks for and was missing (autoGrant):"
                    : "missing grants (runbook step 4; grant them in a migration, or set autoGrant):";
                foreach (var missing in grants.Missing)
                    yield return $"  {missing.Role} lacks {string.Join(", ", missing.Privileges)} on {missing.ObjectKind} {missing.Object}";
                break;
            case RunFailed failed:
                yield return FindingText.Heading(failed.Finding, "error:");
                break;
            case RunRefused refused:
                foreach (var line in RefusalLines(refused))
                    yield return line;
                break;
        }
    }

    /// <summary>One line saying what the run did, last in every format: <c>apply: app -> staging (db): FAILED</c>.</summary>
    public static string Summary(ExecutionReport report)
    {
        var head = $"{report.Command}: {report.App} -> {report.Environment} ({report.Target})";
        var applied = report.Events.Count(e => e is MigrationApplied);
        var rolledBack = report.Events.Count(e => e is MigrationRolledBack);
        var baselined = report.Events.Count(e => e is MigrationBaselined);
        if (report.Events.OfType<RunRefused>().Any())
            return $"{head}: REFUSED, nothing was applied";
        if (!report.Succeeded)
            return $"{head}: FAILED" + (applied > 0 && !report.DryRun ? $" after applying {applied} migration(s), which stay applied" : "");
        if (report.DryRun)
            return $"{head}: dry run OK, {applied} migration(s) would apply";
        if (rolledBack > 0)
            return $"{head}: rolled back {rolledBack} migration(s)";
        if (baselined > 0)
            return $"{head}: marked {baselined} migration(s) as applied";
        if (report.Events.Any(e => e is ChecksumAccepted or MigrationForgotten or LedgerRowRestored or PartialSettled))
            return $"{head}: ledger repaired";
        return applied > 0 ? $"{head}: applied {applied} migration(s)" : $"{head}: nothing to do";
    }

    /// <summary>After a failed run that took a backup: how to restore it.</summary>
    public static string? RestoreHint(ExecutionReport report) =>
        !report.Succeeded && report.Events.OfType<BackupWritten>().FirstOrDefault() is { } backup
            ? $"To restore the backup taken before this run: {backup.RestoreCommand}"
            : null;

    static IEnumerable<string> RefusalLines(RunRefused refused)
    {
        yield return FindingText.Heading(refused.Finding, $"refused ({refused.Code}):");
        if (refused.Finding.Help is { } help)
            yield return $"  {help}";
        yield return "  Nothing was applied.";
    }

    /// <summary>PostgreSQL's message with its SQLSTATE, as every format shows a failing statement.</summary>
    public static string FailureMessage(MigrationFailed failed) =>
        failed.Finding.Message + (failed.SqlState is null ? "" : $" (SQLSTATE {failed.SqlState})");

    static IEnumerable<string> FailureLines(MigrationFailed failed)
    {
        yield return $"{FindingText.Where(failed.Finding)}error: {FailureMessage(failed)}";
        if (failed.Detail is not null)
            yield return $"  detail: {failed.Detail}";
        if (failed.Finding.Help is { } hint)
            yield return $"  hint: {hint}";
        yield return failed.StatementsCommitted == 0
            ? failed.InTransaction
                ? "  The migration's transaction was rolled back: nothing of it is applied, and the ledger is unchanged."
                : "  The statement ran outside a transaction: whatever it did before failing stays; nothing of the file is recorded."
            : $"  The file runs in segments: the {failed.StatementsCommitted} statement(s) of its committed segments stay applied and " +
              $"recorded (ci-migrate status shows it partly applied){(failed.InTransaction ? "; the failing segment was rolled back" : "")}. " +
              "Fix the failing statement and run again: the run resumes at the failing segment (the committed ones may not change).";
    }

    public static string Milliseconds(TimeSpan duration) => $"{Math.Round(duration.TotalMilliseconds):0} ms";

    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0.#} min");
}
