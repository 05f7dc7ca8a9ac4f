using System.Text.Json;
using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Reporting;

/// <summary>
/// The plan as JSON, in the stable shape documented in docs/plan-json.md. Written by hand with Utf8JsonWriter so
/// that the shape is exactly what the document says, whatever the model's properties are called.
/// </summary>
public static class PlanJsonRenderer
{
    public static string Render(Plan plan) => Write(w => WritePlan(w, plan));

    /// <summary><c>diff --all-apps --format json</c>: the apps with pending migrations, for a workflow matrix.</summary>
    public static string RenderMatrix(IReadOnlyList<AppPending> apps) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("apps");
        foreach (var app in apps.Where(a => a.Pending > 0))
            w.WriteStringValue(app.App);
        w.WriteEndArray();
        w.WriteStartArray("include");
        foreach (var app in apps.Where(a => a.Pending > 0))
        {
            w.WriteStartObject();
            w.WriteString("app", app.App);
            w.WriteString("schema", app.Schema);
            w.WriteNumber("pending", app.Pending);
            w.WriteString("planHash", app.PlanHash);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    static string Write(Action<Utf8JsonWriter> write) => JsonText.Write(write) + "\n";

    static void WritePlan(Utf8JsonWriter w, Plan plan)
    {
        w.WriteStartObject();
        w.WriteString("app", plan.App);
        w.WriteString("schema", plan.Schema);
        w.WriteString("environment", plan.Environment);
        w.WriteString("planHash", plan.PlanHash);
        w.WriteStartObject("verdict");
        w.WriteString("level", plan.Verdict.Level.ToString().ToLowerInvariant());
        w.WriteString("summary", plan.Verdict.Summary);
        w.WriteEndObject();
        w.WriteBoolean("hasDestructiveChanges", plan.HasDestructiveChanges);

        w.WriteStartArray("pending");
        foreach (var m in plan.Pending)
        {
            w.WriteStartObject();
            w.WriteString("version", m.Version);
            w.WriteString("name", m.Name);
            w.WriteString("file", m.File);
            w.WriteString("checksum", m.Checksum);
            w.WriteString("runs", m.Runs);
            w.WriteNumber("segments", m.Segments);
            if (m.SegmentsCommitted is { } committed)
                w.WriteNumber("segmentsCommitted", committed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteChanges(w, "changes", plan.Changes);

        w.WriteStartArray("hazards");
        foreach (var h in plan.Hazards)
        {
            w.WriteStartObject();
            w.WriteString("kind", h.Rule);
            w.WriteString("object", h.Object);
            w.WriteString("message", h.Message);
            w.WriteString("advice", h.Advice);
            w.WriteString("lock", h.Lock);
            FindingJson.WriteLocation(w, h);
            w.WriteString("severity", FindingJson.Label(h.Severity));
            w.WriteString("docs", h.DocsUri);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (plan.Drift is null)
            w.WriteNull("drift");
        else
            WriteChanges(w, "drift", plan.Drift);
        if (plan.Declared is null)
            w.WriteNull("declared");
        else
            WriteChanges(w, "declared", plan.Declared);

        w.WriteStartArray("findings");
        foreach (var f in plan.Findings)
        {
            w.WriteStartObject();
            FindingJson.WriteFields(w, f);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("appliedFindings");
        foreach (var f in plan.AppliedFindings)
        {
            w.WriteStartObject();
            FindingJson.WriteFields(w, f);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var note in plan.Notes)
            w.WriteStringValue(note);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteChanges(Utf8JsonWriter w, string name, IReadOnlyList<SchemaChange> changes)
    {
        w.WriteStartArray(name);
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("change", PlanLabels.Of(c.Change));
            w.WriteString("kind", PlanChangeText.Describe(c.Kind));
            w.WriteString("schema", c.Schema);
            w.WriteString("table", c.Table);
            w.WriteString("parent", c.Parent);
            w.WriteString("parentKind", c.Object.ParentKind is { } kind ? PlanChangeText.Describe(kind) : null);
            w.WriteString("name", c.Name);
            w.WriteString("previousName", c.PreviousName);
            w.WriteBoolean("destructive", c.IsDestructive);
            w.WriteString("dataLoss", c.DataLoss);
            w.WriteString("file", c.Statement?.File);
            FindingJson.WriteNumber(w, "line", c.Statement?.Line);
            FindingJson.WriteNumber(w, "column", c.Statement?.Column);
            WriteAttributes(w, "before", c.Before);
            WriteAttributes(w, "after", c.After);
            w.WriteStartArray("attributes");
            foreach (var a in c.Attributes)
            {
                w.WriteStartObject();
                w.WriteString("name", a.Name);
                w.WriteString("before", a.Before);
                w.WriteString("after", a.After);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    static void WriteAttributes(Utf8JsonWriter w, string name, CatalogObject? o)
    {
        if (o is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        foreach (var (key, value) in o.Attributes)
            w.WriteString(key, value);
        w.WriteEndObject();
    }
}
