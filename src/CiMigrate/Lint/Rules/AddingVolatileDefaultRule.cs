using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// Since PostgreSQL 11 a constant default is metadata-only, but a volatile one (<c>gen_random_uuid()</c>,
/// <c>random()</c>, <c>clock_timestamp()</c>, a serial's <c>nextval</c>) or a stored generated column rewrites
/// the whole table under an ACCESS EXCLUSIVE lock (https://www.postgresql.org/docs/15/sql-altertable.html#SQL-ALTERTABLE-NOTES).
/// </summary>
sealed class AddingVolatileDefaultRule : ILintRule
{
    static readonly string[] VolatileFunctions =
    [
        "random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp",
        "timeofday", "nextval", "setseed", "txid_current", "gen_random_bytes",
    ];

    public string Id => "adding-volatile-default";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "ADD COLUMN with a volatile DEFAULT, a serial type or a stored generated column (table rewrite)";
    public string Help => "Add the column without the default (or with a constant one), then `ALTER COLUMN ... SET DEFAULT ...` for new rows and backfill existing rows in batches.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var (statement, action) in file.ActionsOnExistingTables())
        {
            if (action.Kind != StatementKind.AlterTableAddColumn)
                continue;
            var column = action.Column;
            var reason = VolatileDefault(statement, action) is { } function ? $"its DEFAULT calls {function}(), which is volatile"
                : column is not null && ColumnTypes.IsSerial(column.Type) ? $"{column.Type} gives it a nextval() default"
                : action.Contains("GENERATED", "ALWAYS", "AS") && action.Contains("STORED") ? "a stored generated column is computed for every row"
                : null;
            if (reason is not null)
            {
                findings.Report(statement, action.FirstToken,
                    $"ADD COLUMN {column?.Name}: {reason}; PostgreSQL rewrites all of {statement.Target} under an {action.Lock} lock.");
            }
        }
    }

    static string? VolatileDefault(SqlStatement statement, AlterTableAction action)
    {
        var at = action.IndexOf("DEFAULT");
        if (at < 0)
            return null;
        var tokens = statement.Tokens;
        for (var i = at + 1; i + 1 < action.End; i++)
        {
            if (tokens[i].Depth == 0 && tokens[i].Kind == SqlTokenKind.Word && i > at + 1 && tokens[i].Keyword is "NOT" or "NULL" or "CONSTRAINT" or "CHECK" or "REFERENCES" or "UNIQUE" or "PRIMARY")
                break;
            if (tokens[i].Kind == SqlTokenKind.Word && tokens[i + 1].IsSymbol("(") && VolatileFunctions.Contains(tokens[i].Name))
                return tokens[i].Name;
        }

        return null;
    }
}
