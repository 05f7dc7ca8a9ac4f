using System.Globalization;

namespace CiMigrate.Configuration;

/// <summary>
/// Durations as PostgreSQL and kubectl write them: <c>500ms</c>, <c>5s</c>, <c>15min</c>, <c>2m</c>, <c>1m30s</c>,
/// <c>1h</c>; a bare number is milliseconds, as for <c>lock_timeout</c>.
/// </summary>
public static class Durations
{
    static readonly (string Unit, double Milliseconds)[] Units =
    [
        ("ms", 1), ("sec", 1000), ("s", 1000), ("min", 60_000), ("m", 60_000), ("h", 3_600_000),
    ];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var rest = text.Trim().AsSpan();
        if (rest.Length == 0)
            return false;
        if (double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare))
        {
            duration = TimeSpan.FromMilliseconds(bare);
            return true;
        }

        var total = 0.0;
        while (rest.Length > 0)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
                digits++;
            if (digits == 0 || !double.TryParse(rest[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
                return false;
            rest = rest[digits..].TrimStart();
            var unit = UnitAt(rest);
            if (unit < 0)
                return false;
            total += amount * Units[unit].Milliseconds;
            rest = rest[Units[unit].Unit.Length..].TrimStart();
        }

        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }

    static int UnitAt(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < Units.Length; i++)
        {
            var unit = Units[i].Unit;
            // "m" must not match the start of "min" or "ms": the unit ends where the letters end.
            if (text.StartsWith(unit, StringComparison.Ordinal) && (text.Length == unit.Length || !char.IsAsciiLetter(text[unit.Length])))
                return i;
        }

        return -1;
    }

    /// <summary>The value for <c>SET lock_timeout</c> / <c>statement_timeout</c>.</summary>
    /// <summary>A wait as people read it, to the minute: <c>23h 5m</c>, <c>40m</c>, <c>under a minute</c>.</summary>
    public static string Describe(TimeSpan duration)
    {
        var minutes = (long)Math.Ceiling(duration.TotalMinutes);
        return minutes switch
        {
            <= 0 => "no time",
            < 60 => $"{minutes}m",
            _ when minutes % 60 == 0 => $"{minutes / 60}h",
            _ => $"{minutes / 60}h {minutes % 60}m",
        };
    }
}
