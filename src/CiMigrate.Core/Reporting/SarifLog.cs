using CiMigrate.Diagnostics;

namespace CiMigrate.Reporting;

/// <summary>
/// A SARIF 2.1.0 log of one run of ci-migrate with its results, each a <see cref="Finding"/> at the file, line and
/// column when known: the form of a run's and of <c>status</c>'s findings (lint's adds its rules, <see cref="LintSarifRenderer"/>).
/// </summary>
public static class SarifLog
{
    /// <param name="results">The findings, in order, each with its result's message (which may say more than the finding's).</param>
    /// <param name="executionSuccessful">Whether the run did what it was asked (its invocation's outcome).</param>
    public static string Render(IReadOnlyList<(Finding Finding, string Text)> results, bool executionSuccessful) => JsonText.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("$schema", LintSarifRenderer.Schema);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "ci-migrate");
        json.WriteString("informationUri", DocsPages.BaseUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var (finding, text) in results)
            FindingSarif.WriteResult(json, finding, text);
        json.WriteEndArray();
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", executionSuccessful);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }) + "\n";
}
