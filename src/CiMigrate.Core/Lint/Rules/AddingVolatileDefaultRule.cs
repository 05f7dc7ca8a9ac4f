using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// Since PostgreSQL 11 a constant default is metadata-only, but a volatile one (<c>gen_random_uuid()</c>,
/// <c>random()</c>, <c>clock_timestamp()</c>, any function not known to be safe), a serial's <c>nextval</c>, a stored
/// generated column or an identity column rewrites the whole table under an ACCESS EXCLUSIVE lock
/// (https://www.postgresql.org/docs/15/sql-altertable.html#SQL-ALTERTABLE-NOTES). Which calls are safe is the SQL
/// layer's reading (<see cref="ColumnDefinition.VolatileDefault"/>), as Squawk's <c>adding-field-with-default</c> decides.
/// </summary>
sealed class AddingVolatileDefaultRule : ILintRule
{
    public string Id => "adding-volatile-default";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "ADD COLUMN with a volatile DEFAULT, a serial type, a stored generated or an identity column (table rewrite)";
    public string Help => "Add the column without the default (or with a constant one), then `ALTER COLUMN ... SET DEFAULT ...` for new rows and backfill existing rows in batches.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var (statement, action) in file.ActionsOnExistingTables())
        {
            if (action.Kind != StatementKind.AlterTableAddColumn)
                continue;
            var column = action.Column;
            var reason = column?.VolatileDefault is { } call
                    ? $"its DEFAULT calls {call}, which is volatile or not known to be safe, so it is computed for every row"
                : column is not null && ColumnTypes.IsSerial(column.Type) ? $"{column.Type} gives it a nextval() default"
                : action.Contains("GENERATED") && action.Contains("STORED") ? "a stored generated column is computed for every row"
                : action.Contains("GENERATED") && action.Contains("IDENTITY") ? "an identity column gets a value for every row"
                : null;
            if (reason is not null)
            {
                findings.Report(statement, action.FirstToken,
                    $"ADD COLUMN {column?.Name}: {reason}; PostgreSQL rewrites all of {statement.Target} under an {action.Lock} lock.");
            }
        }
    }
}
