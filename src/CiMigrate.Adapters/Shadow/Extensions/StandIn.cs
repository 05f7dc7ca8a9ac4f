using CiMigrate.Planning;

namespace CiMigrate.Shadow.Extensions;

/// <summary>
/// An extension Supabase ships that a plain PostgreSQL cannot load, replaced on the throwaway shadow by SQL that
/// creates the same schemas, types, functions, tables and views (embedded as <c>Shadow/Extensions/&lt;name&gt;.sql</c>).
/// Installed as a real extension of that name, so <c>CREATE EXTENSION</c>, <c>IF NOT EXISTS</c>, <c>WITH SCHEMA</c>,
/// <c>DROP EXTENSION</c> and the catalog all behave as with the real one; only the behaviour is missing.
/// </summary>
/// <param name="Name">The extension's name, as in <c>CREATE EXTENSION</c>.</param>
/// <param name="Version">The version the script stands in for (Supabase's, where known).</param>
/// <param name="Control">The <c>.control</c> file: the real extension's settings, with our comment.</param>
/// <param name="Script">The install script.</param>
public sealed record StandIn(string Name, string Version, string Control, string Script)
{
    /// <summary>Where <c>CREATE EXTENSION</c> looks for the script: <c>&lt;name&gt;--&lt;version&gt;.sql</c>.</summary>
    public string ScriptFileName => $"{Name}--{Version}.sql";

    public string ControlFileName => $"{Name}.control";

    /// <summary>
    /// Reads a stand-in from its script. The header says what it covers; lines <c>-- control: key = value</c> give
    /// the control file's settings (<c>default_version</c> required), as the real extension's control file has them.
    /// </summary>
    public static StandIn Parse(string name, string script)
    {
        var settings = script.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .TakeWhile(line => line.StartsWith("--", StringComparison.Ordinal))
            .Where(line => line.StartsWith("-- control:", StringComparison.Ordinal))
            .Select(line => line["-- control:".Length..].Trim())
            .ToList();
        var version = settings
            .Where(s => s.StartsWith("default_version", StringComparison.Ordinal))
            .Select(s => s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim().Trim('\''))
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"The stand-in {name}.sql has no '-- control: default_version = ...' line.");
        // The comment is how a plan tells stand-ins from real extensions (pg_available_extensions.comment).
        var control = $"comment = '{ShadowExtensions.StandInCommentPrefix} for {name} {version}: its objects without their behaviour'\n" +
            string.Concat(settings.Select(s => s + "\n"));
        return new StandIn(name, version, control, script);
    }
}
