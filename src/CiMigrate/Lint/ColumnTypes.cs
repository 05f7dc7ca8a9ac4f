using System.Text;
using System.Text.RegularExpressions;

namespace CiMigrate.Lint;

/// <summary>
/// Column types compared the way PostgreSQL decides whether <c>ALTER COLUMN ... TYPE</c> rewrites the table:
/// binary-coercible changes that only relax a limit are metadata-only
/// (https://www.postgresql.org/docs/15/sql-altertable.html#SQL-ALTERTABLE-NOTES).
/// </summary>
public static partial class ColumnTypes
{
    static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["character varying"] = "varchar",
        ["char varying"] = "varchar",
        ["int"] = "integer",
        ["int4"] = "integer",
        ["int8"] = "bigint",
        ["int2"] = "smallint",
        ["decimal"] = "numeric",
        ["bool"] = "boolean",
        ["float8"] = "double precision",
        ["float4"] = "real",
        ["timestamp with time zone"] = "timestamptz",
        ["timestamp without time zone"] = "timestamp",
        ["time without time zone"] = "time",
        ["time with time zone"] = "timetz",
        ["bit varying"] = "varbit",
    };

    /// <summary>Serial types: an integer column with an implicit <c>nextval()</c> default.</summary>
    public static bool IsSerial(string normalizedType) =>
        normalizedType is "serial" or "bigserial" or "smallserial" or "serial2" or "serial4" or "serial8";

    /// <summary>Lower-case, single spaces, no spaces around parentheses and commas, aliases resolved.</summary>
    public static string Normalize(string type)
    {
        var text = new StringBuilder(type.Length);
        foreach (var c in type.Trim().ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] != ' ')
                    text.Append(' ');
            }
            else
            {
                text.Append(c);
            }
        }

        var normal = SpaceAroundPunctuation().Replace(text.ToString().Trim(), "$1");
        var match = Parameterised().Match(normal);
        var name = match.Success ? match.Groups["name"].Value.Trim() : normal;
        var arguments = match.Success ? match.Groups["args"].Value : null;
        name = Aliases.GetValueOrDefault(name, name);
        if (name.StartsWith("pg_catalog.", StringComparison.Ordinal))
            name = name["pg_catalog.".Length..];
        return arguments is null ? name : $"{name}({arguments})";
    }

    /// <summary>Whether changing a column from <paramref name="from"/> to <paramref name="to"/> skips the table rewrite.</summary>
    public static bool IsSafeChange(string from, string to)
    {
        from = Normalize(from);
        to = Normalize(to);
        if (from == to)
            return true;
        var (fromName, fromArgs) = Split(from);
        var (toName, toArgs) = Split(to);
        return (fromName, toName) switch
        {
            ("varchar", "text") or ("varchar", "varchar") => toArgs.Length == 0 || (fromArgs.Length == 1 && toArgs[0] >= fromArgs[0]),
            ("text", "varchar") => toArgs.Length == 0,
            ("varbit", "varbit") => toArgs.Length == 0 || (fromArgs.Length == 1 && toArgs[0] >= fromArgs[0]),
            ("numeric", "numeric") => toArgs.Length == 0
                || (fromArgs.Length > 0 && toArgs[0] >= fromArgs[0] && ScaleOf(toArgs) == ScaleOf(fromArgs)),
            ("timestamp", "timestamp") or ("timestamptz", "timestamptz") or ("time", "time") or ("interval", "interval") =>
                toArgs.Length == 0 || (fromArgs.Length == 1 && toArgs[0] >= fromArgs[0]),
            ("cidr", "inet") => true,
            _ => false,
        };
    }

    static int ScaleOf(int[] args) => args.Length > 1 ? args[1] : 0;

    static (string Name, int[] Args) Split(string type)
    {
        var open = type.IndexOf('(');
        if (open < 0 || !type.EndsWith(')'))
            return (type, []);
        var args = type[(open + 1)..^1].Split(',');
        var numbers = new int[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            if (!int.TryParse(args[i], out numbers[i]))
                return (type, []);
        }

        return (type[..open], numbers);
    }

    [GeneratedRegex(@"\s*([(),])\s*")]
    private static partial Regex SpaceAroundPunctuation();

    [GeneratedRegex(@"^(?<name>[^(]+)\((?<args>[^)]*)\)$")]
    private static partial Regex Parameterised();
}
