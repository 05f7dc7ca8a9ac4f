using System.Globalization;

namespace CiMigrate.Configuration;

/// <summary>Durations as PostgreSQL writes them: <c>500ms</c>, <c>5s</c>, <c>15min</c>, <c>2h</c>; a bare number is milliseconds, as for <c>lock_timeout</c>.</summary>
public static class Durations
{
    static readonly (string Unit, double Milliseconds)[] Units =
    [
        ("ms", 1), ("s", 1000), ("sec", 1000), ("min", 60_000), ("m", 60_000), ("h", 3_600_000),
    ];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text.Trim();
        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] == '.'))
            split++;
        if (split == 0 || !double.TryParse(trimmed[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            return false;
        var unit = trimmed[split..].Trim();
        if (unit.Length == 0)
        {
            duration = TimeSpan.FromMilliseconds(amount);
            return true;
        }

        foreach (var (name, milliseconds) in Units)
        {
            if (unit == name)
            {
                duration = TimeSpan.FromMilliseconds(amount * milliseconds);
                return true;
            }
        }

        return false;
    }

    /// <summary>The value for <c>SET lock_timeout</c> / <c>statement_timeout</c>.</summary>
    public static string ToPostgres(TimeSpan duration) => $"{(long)duration.TotalMilliseconds}ms";
}
