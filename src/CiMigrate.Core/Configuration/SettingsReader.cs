using Microsoft.Extensions.Configuration;

namespace CiMigrate.Configuration;

/// <summary>
/// Reads typed values from one settings section and collects every problem with its key path, so that one
/// message can list them all instead of failing at the first.
/// </summary>
public sealed class SettingsReader(IConfiguration section, List<string> problems)
{
    /// <summary>The key path of this section (<c>environments:staging</c>); empty for the root.</summary>
    public string Path => section is IConfigurationSection child ? child.Path : "";

    public string? String(string key)
    {
        var value = section[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>A list: a JSON array of strings (<c>["seed.sql", "local_*"]</c>), or one string; empty when absent.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        var child = section.GetSection(key);
        if (child.Value is { } single)
            return string.IsNullOrWhiteSpace(single) ? [] : [single.Trim()];
        return [.. child.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Trim().Length > 0).Select(v => v.Trim())];
    }

    public bool Bool(string key, bool fallback) => Bool(key) ?? fallback;

    public bool? Bool(string key)
    {
        var value = String(key);
        if (value is null)
            return null;
        if (bool.TryParse(value, out var parsed))
            return parsed;
        Problem(key, $"must be true or false, not '{value}'");
        return null;
    }

    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = String(key);
        if (value is null)
            return fallback;
        if (int.TryParse(value, out var parsed) && parsed >= min && parsed <= max)
            return parsed;
        Problem(key, $"must be a whole number from {min} to {max}, not '{value}'");
        return fallback;
    }

    public TimeSpan Duration(string key, TimeSpan fallback)
    {
        var value = String(key);
        if (value is null)
            return fallback;
        if (Durations.TryParse(value, out var parsed) && parsed > TimeSpan.Zero)
            return parsed;
        Problem(key, $"must be a duration such as 500ms, 5s, 15min or 1h, not '{value}'");
        return fallback;
    }

    /// <summary>Reports keys that no reader asks for: a typo such as <c>enviroments</c> should not be ignored silently.</summary>
    public void OnlyKnownKeys(params string[] known)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                problems.Add($"{PathOf(child.Key)}: unknown key (known keys here: {string.Join(", ", known)})");
        }
    }

    public void Problem(string key, string message) => problems.Add($"{PathOf(key)}: {message}");

    string PathOf(string key) =>
        Path.Length == 0 ? key : key.Length == 0 ? Path : $"{Path}:{key}";
}
