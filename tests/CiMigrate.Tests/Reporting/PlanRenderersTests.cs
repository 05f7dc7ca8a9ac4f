using System.Text.Json;
using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;
using CiMigrate.Reporting;

namespace CiMigrate.Tests.Reporting;

/// <summary>The renderers on hand-built plans: the documented JSON shape, the comment's cap, escaping, the diagram.</summary>
public sealed class PlanRenderersTests
{
    static readonly CatalogObject Column = new(ObjectKind.Column, "app", "t", ObjectKind.Table, "note", "1.2",
        [new("type", "text"), new("nullable", "null"), new("default", null)]);

    static Plan PlanWith(string sql = "SELECT 1;") => new()
    {
        App = "money-tracker",
        Schema = "app",
        Environment = "staging",
        PlanHash = "abc",
        Pending = [new PendingMigration("20250101000000", "drop_note", "m/20250101000000_drop_note.sql", "sum", sql)],
        Changes = [new SchemaChange(ChangeType.Removed, Column, null) { DataLoss = "drops column app.t.note and its data" }],
        Hazards = [new Hazard(HazardKind.DataLoss, "app.t.note", "drops column app.t.note and its data")],
        Drift = [],
    };

    [Test]
    public void Json_has_the_documented_top_level_keys_in_order()
    {
        using var json = JsonDocument.Parse(PlanJsonRenderer.Render(PlanWith()));

        Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
        {
            "app", "schema", "environment", "planHash", "verdict", "hasDestructiveChanges", "pending", "changes",
            "hazards", "drift", "declared", "findings", "appliedFindings", "notes",
        }));
        var change = json.RootElement.GetProperty("changes")[0];
        Assert.That((change.GetProperty("change").GetString(), change.GetProperty("kind").GetString(),
                change.GetProperty("table").GetString(), change.GetProperty("destructive").GetBoolean(),
                change.GetProperty("before").GetProperty("type").GetString()),
            Is.EqualTo(("removed", "column", "t", true, "text")));
        Assert.That(json.RootElement.GetProperty("hazards")[0].GetProperty("kind").GetString(), Is.EqualTo("data-loss"));
    }

    [Test]
    public void Json_drift_is_null_without_a_target()
    {
        using var json = JsonDocument.Parse(PlanJsonRenderer.Render(PlanWith() with { Environment = null, Drift = null }));

        Assert.That(json.RootElement.GetProperty("drift").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Matrix_lists_only_apps_with_pending_migrations()
    {
        var text = PlanJsonRenderer.RenderMatrix([new AppPending("a", "a", 2, "h1"), new AppPending("b", "b", 0, "h2")]);

        using var json = JsonDocument.Parse(text);
        Assert.That(json.RootElement.GetProperty("apps").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "a" }));
        Assert.That(json.RootElement.GetProperty("include")[0].GetProperty("pending").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void Comment_starts_with_the_marker_and_the_verdict()
    {
        var lines = PlanMarkdownRenderer.Render(PlanWith()).Split('\n');

        Assert.That(lines[0], Is.EqualTo("<!-- ci-migrate:plan app=money-tracker -->"));
        Assert.That(lines[1], Is.EqualTo("### ❌ Dangerous: `money-tracker` → `staging`"));
        Assert.That(lines[3], Is.EqualTo("**1 pending migration · 1 schema change · 1 hazard (1 data loss) · no drift on staging**"));
    }

    [Test]
    public void Oversized_comment_drops_the_sql_and_says_so()
    {
        var plan = PlanWith(new string('x', 70_000));

        var text = PlanMarkdownRenderer.Render(plan);

        Assert.That(text.Length, Is.LessThanOrEqualTo(PlanMarkdownRenderer.MaxLength));
        Assert.That(text, Does.Contain("the SQL is left out"));
        Assert.That(text, Does.Contain("drops column app.t.note and its data"));
        Assert.That(text, Does.Not.Contain("xxxxxxxxxx"));
    }

    [Test]
    public void Comment_that_cannot_fit_even_its_summary_keeps_marker_verdict_hazards_and_pending()
    {
        var text = PlanMarkdownRenderer.Render(PlanWith(), maxLength: 10);

        Assert.That(text, Does.StartWith("<!-- ci-migrate:plan app=money-tracker -->"));
        Assert.That(text, Does.Contain("| `20250101000000` | drop_note |"));
        Assert.That(text, Does.Contain("| ❌ [data-loss](https://github.com/tower-fleet/ci-migrate/blob/v0.1.0/docs/hazards/data-loss.md) | `app.t.note` | 1 | — |"));
        Assert.That(text, Does.Not.Contain("<details>"));
    }

    [Test]
    public void Sql_with_backtick_fences_cannot_break_out_of_its_block()
    {
        var text = PlanMarkdownRenderer.Render(PlanWith("SELECT '```';"));

        Assert.That(text, Does.Contain("````sql\nSELECT '```';\n````"));
    }

    [Test]
    public void Pipes_in_table_cells_are_escaped()
    {
        var policy = new CatalogObject(ObjectKind.Policy, "app", "t", ObjectKind.Table, "p", "9",
            [new("command", "SELECT"), new("mode", "permissive"), new("roles", "public"), new("using", "(a || b) = 'x'"), new("withCheck", null)]);
        var plan = PlanWith() with { Changes = [new SchemaChange(ChangeType.Added, null, policy)] };

        Assert.That(PlanMarkdownRenderer.Render(plan), Does.Contain("| ➕ | policy p | `permissive for SELECT to public using (a \\|\\| b) = 'x'` |"));
    }

    [Test]
    public void Diagram_uses_mermaid_words_for_names_and_types()
    {
        var diagram = new EntityDiagram(
            [new Entity("budgets", true, [new EntityColumn("user_id", "uuid", ["FK"]), new EntityColumn("at", "timestamp with time zone", [])]),
             new Entity("auth.users", false, [new EntityColumn("id", "uuid", ["PK"])])],
            [new Relationship("budgets", "auth.users", "user_id", true)]);

        Assert.That(PlanMermaid.Render(diagram), Is.EqualTo("""
            erDiagram
                budgets {
                    uuid user_id FK
                    timestamp_with_time_zone at
                }
                auth_users {
                    uuid id PK
                }
                auth_users |o--o{ budgets : "user_id"

            """));
    }
}
