using System.Globalization;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// Which statement of which file the session runs now, as a setting of the session (<c>ci_migrate.statement</c>:
/// <c>20250301000000:3</c>, the file's version and the statement's index among those it runs): on the shadow, the
/// plan's event triggers read it to say which statement made each catalog change, a DO block's dynamic SQL included.
/// </summary>
public static class StatementMarks
{
    public const string Setting = "ci_migrate.statement";

    /// <summary>The command that marks statement <paramref name="index"/> of <paramref name="version"/>'s file as running.</summary>
    /// <param name="version">The migration's version.</param>
    /// <param name="index">The statement's index in <c>SqlScript.StatementsToRun</c>.</param>
    /// <param name="local">Until the transaction ends (true), or for the session (a statement that runs outside one).</param>
    internal static NpgsqlBatchCommand Command(string version, int index, bool local)
    {
        var command = new NpgsqlBatchCommand($"SELECT pg_catalog.set_config('{Setting}', $1, {(local ? "true" : "false")})");
        command.Parameters.Add(new() { Value = Of(version, index) });
        return command;
    }

    static string Of(string version, int index) => $"{version}:{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The version and statement index a mark names; null for no mark (DDL that no file ran) or another value.</summary>
    public static (string Version, int Index)? Parse(string? mark)
    {
        var colon = mark?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(mark![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (mark[..colon], index)
            : null;
    }
}
