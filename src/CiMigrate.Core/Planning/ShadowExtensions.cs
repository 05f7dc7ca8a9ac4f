using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Planning;

/// <summary>
/// What the shadow can do about the extensions the migrations create: checked before the replay, so a missing one is
/// named with its file and line instead of failing halfway, and reported after it (which were stand-ins).
/// </summary>
public static class ShadowExtensions
{
    /// <summary>The start of the comment every ci-migrate stand-in carries in <c>pg_available_extensions</c>.</summary>
    public const string StandInCommentPrefix = "ci-migrate stand-in";

    /// <summary>
    /// The stand-ins the Supabase baseline itself installs (Shadow/SupabaseBaseline.sql), which the plan does not name:
    /// a constant, so a shadow restored from the cache, whose history created more, names the same ones as a cold one.
    /// </summary>
    public static readonly IReadOnlyList<string> BaselineStandIns = ["pg_graphql", "pgjwt", "supabase_vault"];

    /// <summary>
    /// The first <c>CREATE EXTENSION</c> whose extension the shadow server has neither installed nor available (as a
    /// package or a stand-in), as a hazard at its file:line:col with the two ways out; null when all are there.
    /// </summary>
    public static async Task<Hazard?> UnavailableAsync(NpgsqlConnection shadow, IEnumerable<Migration> migrations, string schema,
        CancellationToken cancellationToken)
    {
        // A CREATE EXTENSION always spells the word: the other files (10,000 applied ones) need not be parsed here.
        var creates = migrations
            .Where(m => m.Up.Text.Contains("extension", StringComparison.OrdinalIgnoreCase))
            .SelectMany(m => m.Up.Script.Statements)
            .Where(s => s.Kind == StatementKind.CreateExtension && s.Target is not null)
            .ToList();
        if (creates.Count == 0)
            return null;

        var available = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT name FROM pg_available_extensions", shadow))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                available.Add(reader.GetString(0));
        }

        if (creates.FirstOrDefault(s => !available.Contains(s.Target!)) is not { } missing)
            return null;

        var version = shadow.PostgreSqlVersion.Major;
        return new Hazard(HazardKind.FailsOnShadow, schema,
            $"extension \"{missing.Target}\" cannot be created on the shadow database: its PostgreSQL {version} server has no " +
            "package for it and ci-migrate has no stand-in")
        {
            Advice = "Either replay on a real server that has it (a scratch database there, dropped afterwards: " +
                "environments.<name>.shadow = \"scratch\" in ci-migrate.json, or diff --shadow-env <name>; or --shadow-url), " +
                $"or install its package where the shadow runs (Debian/Ubuntu: apt-get install postgresql-{version}-<package>; " +
                "see build/postgres-extension-packages.txt).",
            File = missing.Path,
            Line = missing.Line,
            Column = missing.Column,
        };
    }

    /// <summary>The note for files replayed without their hnsw/ivfflat index options (<see cref="ShadowIndexOptions"/>).</summary>
    public static IReadOnlyList<string> IndexOptionNotes(IReadOnlyList<string> files) =>
        files.Count == 0
            ? []
            : [$"The vector stand-in's hnsw and ivfflat index methods take no options: the replay left out WITH (...) after them in " +
                $"{string.Join(", ", files)}. The target's pgvector checks those options."];

    /// <summary>The extensions in the shadow database that are ci-migrate stand-ins, by name.</summary>
    public static async Task<IReadOnlyList<string>> StandInsAsync(NpgsqlDataSource shadow, CancellationToken cancellationToken)
    {
        await using var command = shadow.CreateCommand(
            "SELECT e.extname FROM pg_extension e JOIN pg_available_extensions a ON a.name = e.extname " +
            "WHERE starts_with(a.comment, $1) ORDER BY 1");
        command.Parameters.Add(new NpgsqlParameter { Value = StandInCommentPrefix });
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>
    /// The plan's notes about the shadow: the stand-ins the migrations created (those of the Supabase baseline,
    /// <paramref name="baseline"/>, are in every plan and go unmentioned).
    /// </summary>
    public static async Task<IReadOnlyList<string>> NotesAsync(NpgsqlDataSource shadow, IReadOnlyList<string> baseline,
        CancellationToken cancellationToken)
    {
        var standIns = (await StandInsAsync(shadow, cancellationToken)).Except(baseline, StringComparer.Ordinal).ToList();
        return standIns.Count == 0 ? [] :
        [
            $"Stand-ins replaced {string.Join(", ", standIns)} on the shadow: their schemas, types, functions and tables " +
            "were created so the migrations using them replayed, but their behaviour was not run (no jobs scheduled, " +
            "no HTTP calls, no real index methods). Review what these statements do on the target.",
        ];
    }

    /// <summary>
    /// A hazard when the shadow ran another major version than the target (a PostgreSQL 17 project planned on a
    /// runner that has only 15's binaries): a warning in every format, never a quiet note, because the plan did not
    /// check what differs between the two.
    /// </summary>
    public static Hazard? VersionHazard(Version shadow, Version target, string? environment)
    {
        if (shadow.Major == target.Major)
            return null;
        return new Hazard(HazardKind.ShadowVersion, $"PostgreSQL {target.Major}",
            $"The shadow ran PostgreSQL {shadow.Major}.{shadow.Minor} while {environment ?? "the target"} runs {target.Major}.{target.Minor}: " +
            "what differs between the two versions was not checked.")
        {
            Advice = $"Install PostgreSQL {target.Major}'s server binaries where diff runs (postgresql-{target.Major}, or PG_BIN): " +
                "the throwaway shadow then takes the target's version. A scratch shadow (--shadow-url) has its own server's version.",
        };
    }
}
