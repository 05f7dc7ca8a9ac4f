using System.Text;
using System.Text.Json;
using CiMigrate.Diagnostics;
using CiMigrate.History;

namespace CiMigrate.Reporting;

/// <summary>
/// <c>status</c> as text, markdown, JSON, GitHub annotations or SARIF, from its <see cref="StatusReport"/>; the last
/// two carry what needs attention (<see cref="StatusFindings"/>), a partly applied migration first of all.
/// </summary>
public static class StatusRenderer
{
    public static string Render(StatusReport report, OutputFormat format) => format switch
    {
        OutputFormat.Json => JsonSerializer.Serialize(report, ReportJsonContext.Default.StatusReport) + Environment.NewLine,
        OutputFormat.Markdown => Markdown(report),
        OutputFormat.Github => Github(report),
        OutputFormat.Sarif => SarifLog.Render([.. StatusFindings.Of(report).Select(f => (f, Message(f)))], executionSuccessful: true),
        _ => Text(report),
    };

    /// <summary>The text table for the job's log, after one annotation per finding, each on its file in a pull request.</summary>
    static string Github(StatusReport report) =>
        string.Concat(StatusFindings.Of(report).Select(f => FindingAnnotation.Of(f, f.Rule, Message(f)) + "\n")) + Text(report);

    /// <summary>A finding's message and what to do, for the forms that show one text per finding.</summary>
    static string Message(Finding finding) => finding.Help is null ? finding.Message : $"{finding.Message}\n{finding.Help}";

    /// <summary>Aligned columns under a header, as <c>supabase migration list</c> and <c>flyway info</c> print them.</summary>
    static string Text(StatusReport report)
    {
        var text = new StringBuilder($"{report.App} on {report.Environment} ({report.Target}):\n");
        string[] header = ["STATE", "VERSION", "NAME", "APPLIED", "BY"];
        var rows = report.Migrations.Select(e => new[]
        {
            State(e), e.Version, e.Name, e.AppliedAt is { } at ? $"{at.UtcDateTime:yyyy-MM-dd HH:mm}Z" : "", e.AppliedBy ?? "",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
            text.Append("  ").Append(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).Append('\n');

        var counts = report.Migrations.GroupBy(e => e.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {State(g.Key)}");
        text.Append($"{string.Join(", ", counts.DefaultIfEmpty("no migrations"))}; plan {report.PlanHash}\n");
        if (report.InvalidIndexes.Count > 0)
        {
            text.Append($"invalid indexes in {report.App}'s schema (indisvalid = false, a failed CREATE INDEX CONCURRENTLY): " +
                $"{string.Join(", ", report.InvalidIndexes)}; drop each (DROP INDEX CONCURRENTLY IF EXISTS) and build it again\n");
        }

        foreach (var pair in report.OpenExpandContract)
            text.Append($"expand-contract {pair.ExpandVersion} -> {pair.ContractVersion ?? "(no contract yet)"}: {Contract(pair)}\n");
        return text.ToString();
    }

    static string Markdown(StatusReport report)
    {
        var text = new StringBuilder($"### `{report.App}` on `{report.Environment}`\n\n| version | name | state | applied |\n| --- | --- | --- | --- |\n");
        foreach (var entry in report.Migrations)
            text.Append($"| {entry.Version} | {entry.Name} | {State(entry)} | {entry.AppliedAt?.UtcDateTime:yyyy-MM-dd HH:mm} |\n");
        if (report.InvalidIndexes.Count > 0)
            text.Append($"\n**Invalid indexes** (drop and build again): {string.Join(", ", report.InvalidIndexes.Select(i => $"`{i}`"))}\n");
        if (report.OpenExpandContract.Count > 0)
            text.Append("\n| expand | contract | may contract |\n| --- | --- | --- |\n");
        foreach (var pair in report.OpenExpandContract)
            text.Append($"| {pair.ExpandVersion} | {pair.ContractVersion ?? "none yet"} | {Contract(pair)} |\n");
        return text.Append('\n').ToString();
    }

    static string Contract(OpenExpandContract pair) =>
        pair.ExpandedAt is null ? "not yet: the expand is not applied here"
        : pair.MayContractNow ? $"now (expanded {pair.ExpandedAt.Value.UtcDateTime:yyyy-MM-dd HH:mm}Z)"
        : $"not before {pair.ContractOpensAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm}Z";

    static string State(StatusEntry entry) =>
        entry.State == MigrationState.PartlyApplied ? $"partly applied ({entry.SegmentsCommitted} of {entry.Segments} segments)"
        : entry.RollingBack == true ? $"partly rolled back ({entry.SegmentsCommitted} of {entry.Segments} down segments)"
        : State(entry.State);

    static string State(MigrationState state) => state switch
    {
        MigrationState.PartlyApplied => "partly applied",
        MigrationState.Applied => "applied",
        MigrationState.Pending => "pending",
        MigrationState.Edited => "edited",
        MigrationState.MissingLocally => "missing locally",
        MigrationState.OutOfOrder => "out of order",
        _ => state.ToString(),
    };
}
