using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// One app's migration changes only its own schema: DDL or DML on another app's schema, <c>public</c>,
/// <c>auth</c>, <c>storage</c> or <c>extensions</c> is what breaks the neighbours on a shared database.
/// References (<c>REFERENCES auth.users</c>, <c>auth.uid()</c> in a policy, a view reading another schema) are
/// allowed: only the objects a statement creates, changes, drops, grants on or writes to are checked.
/// </summary>
sealed class ForeignSchemaRule : ILintRule
{
    public string Id => "foreign-schema";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "DDL or DML on a schema the app does not own";
    public string Help => "Change only the app's own schema; a change to a shared schema (public, auth, storage, extensions) or another app's belongs in that owner's migrations. If this one is agreed, say why: `-- ci-migrate:allow-schema <schema> <reason>` (lint and the executor's schema guard both accept it).";

    public void Check(LintFile file, FindingCollector findings)
    {
        // Without an app schema or a search_path header the file's names land in public, as PostgreSQL's default
        // search_path creates them: that is the schema it owns (never the first object a statement names).
        var own = file.NameSchema;
        // The schemas the file says it may change, with a reason (the executor's schema guard reads the same).
        var allowed = file.Script.AllowedSchemas.Where(a => a.Reason.Length > 0).Select(a => a.Schema).ToHashSet();
        foreach (var statement in file.Statements)
        {
            foreach (var schema in SchemasActedOn.Of(statement).Distinct())
            {
                if (schema != own && schema != "pg_temp" && !allowed.Contains(schema))
                    findings.Report(statement, $"{StatementKindWords.Of(statement.Kind)} acts on schema {schema}, which this app does not own (its schema is {own}).");
            }
        }
    }
}
