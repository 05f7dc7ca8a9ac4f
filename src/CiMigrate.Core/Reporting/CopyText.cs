using System.Globalization;
using System.Text;
using CiMigrate.Copying;

namespace CiMigrate.Reporting;

/// <summary>The console view of <c>copy-schema</c>: the plan, then what happened, and its progress lines for stderr.</summary>
public static class CopyText
{
    public static string Render(CopyOutcome outcome)
    {
        var plan = outcome.Plan;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"copy-schema {plan.App} ({plan.Schema}) from {plan.From} to {plan.To}{(plan.Renamed ? $" as {plan.TargetSchema}" : "")}\n");
        if (plan.Renamed || plan.TargetApp != plan.App)
            text.Append(CultureInfo.InvariantCulture, $"  rename: schema {plan.Schema} -> {plan.TargetSchema}, ledger app {plan.App} -> {plan.TargetApp}\n");
        text.Append(plan.FromCatalog
            ? $"  structure: from the catalog of {plan.From} (pg_dump --schema-only; the app has no ledger rows there)\n"
            : $"  structure: replay {plan.Migrations.Count} migration(s) applied on {plan.From}, recorded for {plan.TargetApp}\n");
        foreach (var migration in plan.Migrations)
            text.Append(CultureInfo.InvariantCulture, $"    {migration}\n");
        text.Append(plan.Data
            ? $"  data: {plan.Rows.ToString("N0", CultureInfo.InvariantCulture)} row(s) in {plan.Tables.Count} table(s), in this order:\n"
            : $"  data: not copied (pass --data); {plan.Tables.Count} table(s) with {plan.Rows.ToString("N0", CultureInfo.InvariantCulture)} row(s) on {plan.From}\n");
        for (var i = 0; i < plan.Tables.Count; i++)
        {
            var table = plan.Tables[i];
            text.Append(CultureInfo.InvariantCulture,
                $"    {i + 1,3}. {table.Name,-32} {table.Rows.ToString("N0", CultureInfo.InvariantCulture),12} rows{(table.UsesText ? "  (text COPY)" : "")}\n");
        }

        if (plan.Data && plan.Sequences.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  sequences set to the source's values: {string.Join(", ", plan.Sequences.Select(s => $"{s.Name} = {s.LastValue}{(s.IsCalled ? "" : " (not yet used)")}"))}\n");
        }

        if (plan.Handling == ConstraintHandling.ReplicationRole)
        {
            text.Append($"  foreign keys: {string.Join(", ", plan.Cycle)} form a cycle of keys that are not " +
                "deferrable: loaded with session_replication_role = replica (superuser only); the checksums prove the rows\n");
        }

        if (plan.Existing.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"  --replace drops: schema {plan.TargetSchema} with {string.Join(", ", plan.Existing)}\n");
        foreach (var note in plan.Notes)
            text.Append(CultureInfo.InvariantCulture, $"  note: {note}\n");
        return text.Append(Result(outcome)).ToString();
    }

    static string Result(CopyOutcome outcome)
    {
        var seconds = outcome.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        switch (outcome.Status)
        {
            case CopyStatus.Planned:
                return "dry run: nothing was changed.\n";
            case CopyStatus.Refused:
                return $"refused: {outcome.Message}\n";
            case CopyStatus.Failed:
                return $"failed: {outcome.Message}\n";
        }

        var text = new StringBuilder();
        foreach (var proof in outcome.Proofs)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  proven {proof.Table,-32} {proof.TargetRows.ToString("N0", CultureInfo.InvariantCulture),12} rows  md5 {proof.TargetChecksum}\n");
        }

        foreach (var warning in outcome.Proofs.Select(p => p.Warning).OfType<string>())
            text.Append(CultureInfo.InvariantCulture, $"  warning: {warning}\n");
        foreach (var line in outcome.AfterCommit.SelectMany(e => ExecutionText.Lines(e, verbose: false)))
            text.Append(CultureInfo.InvariantCulture, $"  {line}\n");
        var bytes = outcome.Copied.Sum(c => c.Bytes);
        return text.Append(outcome.Plan.Data
            ? $"copied {outcome.Plan.Rows.ToString("N0", CultureInfo.InvariantCulture)} row(s) in {outcome.Plan.Tables.Count} table(s) " +
              $"({Megabytes(bytes)} MB) in {seconds} s; every table's rows and checksum match.\n"
            : $"copied the structure in {seconds} s.\n").ToString();
    }

    /// <summary>A stderr line for a table that takes (or took) more than a second: rows or bytes so far, and the rate.</summary>
    public static string Progress(CopyProgress progress)
    {
        var seconds = Math.Max(progress.Elapsed.TotalSeconds, 0.001);
        var megabytes = progress.Bytes / 1_048_576.0 / seconds;
        var rows = progress.Rows is { } count
            ? $"{count.ToString("N0", CultureInfo.InvariantCulture)} rows ({(count / seconds).ToString("N0", CultureInfo.InvariantCulture)} rows/s, "
            : "(";
        return string.Create(CultureInfo.InvariantCulture,
            $"{(progress.Done ? "copied" : "copying")} {progress.Table}: {rows}{Megabytes(progress.Bytes)} MB at {megabytes:0.0} MB/s) " +
            $"in {progress.Elapsed.TotalSeconds:0.0} s");
    }

    static string Megabytes(long bytes) => (bytes / 1_048_576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
