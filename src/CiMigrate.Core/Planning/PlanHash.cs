using System.Security.Cryptography;
using System.Text;
using CiMigrate.Migrations;

namespace CiMigrate.Planning;

/// <summary>
/// The fingerprint of a plan: SHA-256 over the app, the environment, the history the pending migrations run on (each
/// applied migration's version, name and checksum: the part of the shadow cache's key that says which state the plan
/// starts from) and the ordered pending versions with their checksums. <c>diff</c> prints it for the reviewer;
/// <c>prod-apply --expect-plan</c> refuses when what it finds hashes differently, so what runs is exactly what was
/// reviewed, on the history it was reviewed on. Defined here and nowhere else.
/// </summary>
public static class PlanHash
{
    public static string Of(string app, string environment, IEnumerable<Migration> history, IEnumerable<Migration> pending) =>
        Of(app, environment, history.Select(m => (m.Version, m.Name, m.Checksum)), pending.Select(m => (m.Version, m.Checksum)));

    public static string Of(string app, string environment, IEnumerable<(string Version, string Name, string Checksum)> history,
        IEnumerable<(string Version, string Checksum)> pending)
    {
        // One field per line: names cannot hold a newline, so no two plans share a text.
        var text = new StringBuilder()
            .Append("ci-migrate plan v2\n")
            .Append("app ").Append(app).Append('\n')
            .Append("environment ").Append(environment).Append('\n');
        foreach (var (version, name, checksum) in history.OrderBy(h => h.Version, StringComparer.Ordinal))
            text.Append("applied ").Append(version).Append(' ').Append(name).Append(' ').Append(checksum).Append('\n');
        foreach (var (version, checksum) in pending.OrderBy(p => p.Version, StringComparer.Ordinal))
            text.Append(version).Append(' ').Append(checksum).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
