using System.Text.RegularExpressions;

namespace CiMigrate.Sql;

/// <summary>
/// What in a statement reaches the database server's own files, programs or environment rather than its tables:
/// <c>COPY ... TO/FROM PROGRAM</c> and server-side file COPY, <c>pg_read_file</c>, <c>pg_read_binary_file</c>,
/// <c>pg_ls_dir</c>, <c>pg_stat_file</c>, <c>lo_import</c>, <c>lo_export</c>, and functions in untrusted languages
/// (<c>plpython3u</c>, <c>plperlu</c>, <c>pltclu</c>, <c>C</c>). On a CI runner that server is ci-migrate's throwaway
/// shadow, started by the job, and such a statement runs code a pull request controls next to the job's secrets:
/// lint reports them and the shadow refuses to replay them. The text is searched whole, so a call inside a function
/// body, a DO block or an EXECUTE string is found too.
/// </summary>
public static partial class ServerAccess
{
    /// <summary>What <paramref name="statement"/> reaches on the server, in words; null when it reaches nothing.</summary>
    public static string? Of(SqlStatement statement)
    {
        if (statement.Kind == StatementKind.Copy && CopyReach(statement) is { } copy)
            return copy;
        if (Functions().Match(statement.Text) is { Success: true } call)
            return $"{call.Groups[1].Value.ToLowerInvariant()}() reads or writes the server's files";
        if (UntrustedLanguage().Match(statement.Text) is { Success: true } language)
            return $"language {language.Groups[1].Value.Trim('\'', '"').ToLowerInvariant()} runs code with the server's own rights (an untrusted language)";
        return ProgramInText().IsMatch(statement.Text) ? "COPY ... PROGRAM runs a shell command on the server" : null;
    }

    static string? CopyReach(SqlStatement statement)
    {
        var direction = statement.IndexOfKeywords(0, "TO");
        if (direction < 0)
            direction = statement.IndexOfKeywords(0, "FROM");
        if (direction < 0 || direction + 1 >= statement.Tokens.Count)
            return null;
        var target = statement.Tokens[direction + 1];
        if (target.Is("PROGRAM"))
            return "COPY ... PROGRAM runs a shell command on the server";
        return target.Kind == SqlTokenKind.String ? "COPY to or from a server file reads or writes the server's files" : null;
    }

    [GeneratedRegex(@"\b(pg_read_file|pg_read_binary_file|pg_ls_dir|pg_stat_file|lo_import|lo_export|pg_file_write)\s*\(",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Functions();

    [GeneratedRegex(@"\bLANGUAGE\s+('?""?(?:plpython3?u|plperlu|pltclu|c)""?'?)(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UntrustedLanguage();

    [GeneratedRegex(@"\bCOPY\b[^;]*\b(TO|FROM)\s+PROGRAM\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProgramInText();
}
