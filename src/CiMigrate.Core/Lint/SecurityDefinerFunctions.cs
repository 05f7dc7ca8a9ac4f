using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary>
/// Which functions the migrations left SECURITY DEFINER, file by file in version order, so a later
/// <c>GRANT EXECUTE ... TO anon</c> on one is seen for what it is without a database. Functions are known by their
/// last name part (overloads and schemas are one), which errs towards reporting.
/// </summary>
public sealed class SecurityDefinerFunctions
{
    readonly List<(string Version, string Function, bool Definer)> _events = [];

    /// <summary>Whether <paramref name="function"/> is SECURITY DEFINER after every file before <paramref name="version"/>.</summary>
    public bool IsDefinerBefore(string version, string function)
    {
        var name = SqlNames.LastPart(function);
        var definer = false;
        foreach (var e in _events)
        {
            if (string.CompareOrdinal(e.Version, version) < 0 && e.Function == name)
                definer = e.Definer;
        }

        return definer;
    }

    /// <summary>Whether the statement leaves its function SECURITY DEFINER (true), SECURITY INVOKER (false), or says nothing (null).</summary>
    public static bool? Sets(SqlStatement statement)
    {
        if (statement.Kind is not (StatementKind.CreateFunction or StatementKind.CreateProcedure or StatementKind.AlterFunction)
            || statement.Target is null)
            return null;
        if (statement.IndexOfKeywords(0, "SECURITY", "DEFINER") >= 0)
            return true;
        // CREATE OR REPLACE without SECURITY DEFINER makes the function SECURITY INVOKER again.
        return statement.IndexOfKeywords(0, "SECURITY", "INVOKER") >= 0 || statement.Kind != StatementKind.AlterFunction ? false : null;
    }

    public static SecurityDefinerFunctions Read(IEnumerable<string> upFiles)
    {
        var history = new SecurityDefinerFunctions();
        foreach (var (version, statement) in EarlierMigrations.Statements(upFiles))
        {
            if (Sets(statement) is { } definer)
                history._events.Add((version, SqlNames.LastPart(statement.Target!), definer));
        }

        return history;
    }
}
