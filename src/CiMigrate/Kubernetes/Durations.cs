using System.Globalization;

namespace CiMigrate.Kubernetes;

/// <summary>Durations as kubectl writes them (<c>2m</c>, <c>90s</c>, <c>1m30s</c>, <c>1h</c>); a bare number is seconds.</summary>
static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (text.Length == 0)
            return false;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }

        var index = 0;
        while (index < text.Length)
        {
            var start = index;
            while (index < text.Length && char.IsAsciiDigit(text[index]))
                index++;
            if (index == start || index == text.Length)
                return false;
            var amount = int.Parse(text.AsSpan(start, index - start), CultureInfo.InvariantCulture);
            TimeSpan? unit = text[index++] switch
            {
                'h' => TimeSpan.FromHours(1),
                'm' => TimeSpan.FromMinutes(1),
                's' => TimeSpan.FromSeconds(1),
                _ => null,
            };
            if (unit is null)
                return false;
            duration += unit.Value * amount;
        }

        return true;
    }
}
