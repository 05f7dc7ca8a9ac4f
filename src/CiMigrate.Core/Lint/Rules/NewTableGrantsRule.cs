using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// The runbook, step 4: "New tables created by migrations need explicit permissions" or the Supabase API answers
/// 404. The owner (<c>postgres</c>, who runs migrations) already has every privilege, so the roles checked are the
/// API roles the app's settings name (<c>apiRoles</c>: by default <c>anon</c>, <c>authenticated</c> and <c>service_role</c>).
/// </summary>
sealed class NewTableGrantsRule : ILintRule
{

    public string Id => "new-table-grants";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "A new table without GRANTs to the API roles (anon, authenticated, service_role)";
    public string Help => "After CREATE TABLE: `GRANT ALL ON <table> TO postgres, authenticated, service_role; GRANT SELECT ON <table> TO anon;` (RLS policies still decide which rows each role sees).";

    public void Check(LintFile file, FindingCollector findings)
    {
        var roles = file.Folder?.App?.ApiRoles ?? AppSettings.SupabaseApiRoles;
        foreach (var (create, table) in file.NewTables())
        {
            var granted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var grant in file.Statements.Skip(create.Index + 1))
            {
                if (grant.Kind == StatementKind.Grant && Covers(file, grant, table))
                    granted.UnionWith(grant.Grantees());
            }

            var missing = granted.Contains("public") ? [] : roles.Where(role => !granted.Contains(role)).ToList();
            if (missing.Count > 0)
                findings.Report(create, $"New table {table} has no GRANT to {string.Join(", ", missing)}: the Supabase API cannot reach it (404) for {(missing.Count == 1 ? "that role" : "those roles")}.");
        }
    }

    static bool Covers(LintFile file, SqlStatement grant, string table)
    {
        if (grant.IsOnAllInSchema("TABLES"))
            return grant.Objects.Contains(SqlNames.SchemaOf(table) ?? file.NameSchema);
        return grant.Objects.Any(o => file.SameObject(o, table));
    }
}
