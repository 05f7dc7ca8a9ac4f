using System.Text;
using System.Text.RegularExpressions;

namespace CiMigrate.Sql;

/// <summary>
/// Type names as written in a file and as PostgreSQL prints them (<c>format_type</c>): one spelling, PostgreSQL's,
/// for every comparison, so a file's <c>varchar(50)</c> and the catalog's <c>character varying(50)</c> are one type.
/// </summary>
public static partial class ColumnTypes
{
    // https://www.postgresql.org/docs/15/datatype.html, table 8.1: the aliases, mapped to what format_type prints.
    static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["varchar"] = "character varying",
        ["char varying"] = "character varying",
        ["char"] = "character",
        ["bpchar"] = "character",
        ["int"] = "integer",
        ["int4"] = "integer",
        ["int8"] = "bigint",
        ["int2"] = "smallint",
        ["decimal"] = "numeric",
        ["bool"] = "boolean",
        ["float"] = "double precision",
        ["float8"] = "double precision",
        ["float4"] = "real",
        ["timestamptz"] = "timestamp with time zone",
        ["timestamp"] = "timestamp without time zone",
        ["timetz"] = "time with time zone",
        ["time"] = "time without time zone",
        ["varbit"] = "bit varying",
    };

    /// <summary>Serial types: an integer column with an implicit <c>nextval()</c> default.</summary>
    public static bool IsSerial(string type) =>
        Tidy(type) is "serial" or "bigserial" or "smallserial" or "serial2" or "serial4" or "serial8";

    /// <summary>
    /// The type as written, made comparable to the eye: lower-case, single spaces, none around parentheses, commas
    /// and brackets, <c>pg_catalog.</c> dropped (<c>VARCHAR (50)</c> → <c>varchar(50)</c>). Messages show this.
    /// </summary>
    public static string Tidy(string type)
    {
        var text = new StringBuilder(type.Length);
        foreach (var c in type.Trim().ToLowerInvariant())
        {
            if (!char.IsWhiteSpace(c))
                text.Append(c);
            else if (text.Length > 0 && text[^1] != ' ')
                text.Append(' ');
        }

        var tidy = SpaceAroundPunctuation().Replace(text.ToString().Trim(), "$1$2");
        return tidy.StartsWith("pg_catalog.", StringComparison.Ordinal) ? tidy["pg_catalog.".Length..] : tidy;
    }

    /// <summary>
    /// PostgreSQL's spelling, as <c>format_type</c> prints it: <c>varchar(50)</c> → <c>character varying(50)</c>,
    /// <c>timestamptz(3)</c> → <c>timestamp(3) with time zone</c>. A spelling already PostgreSQL's stays as it is.
    /// </summary>
    public static string Canonical(string type)
    {
        var tidy = Tidy(type);
        var bracket = tidy.IndexOf('[');
        var array = bracket < 0 ? "" : tidy[bracket..];
        var rest = bracket < 0 ? tidy : tidy[..bracket];
        var open = rest.IndexOf('(');
        var close = open < 0 ? -1 : rest.IndexOf(')', open);
        var arguments = close < 0 ? null : rest[(open + 1)..close];
        var name = close < 0 ? rest : $"{rest[..open].Trim()} {rest[(close + 1)..].Trim()}".Trim();
        name = Aliases.GetValueOrDefault(name, name);
        if (arguments is null)
            return name + array;
        // format_type puts the precision of a time type after its first word: timestamp(3) with time zone.
        var space = name.IndexOf(' ');
        return name.StartsWith("time", StringComparison.Ordinal) && space > 0
            ? $"{name[..space]}({arguments}){name[space..]}{array}"
            : $"{name}({arguments}){array}";
    }

    // No space before ( , [ ) ] nor after ( , [: "numeric (10, 2)" is "numeric(10,2)"; "timestamp(3) with time zone" keeps its.
    [GeneratedRegex(@"\s*([(,\[])\s*|\s*([)\]])")]
    private static partial Regex SpaceAroundPunctuation();
}
