using System.CommandLine;
using System.Globalization;
using CiMigrate.Cli;
using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Migrations;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>ci-migrate new &lt;name&gt; [--app &lt;app&gt;]</c>: creates <c>&lt;UTC yyyyMMddHHmmss&gt;_&lt;name&gt;.sql</c> with the
/// runbook's header and its down file in <c>down/</c>; the pair passes lint as created. Replaces
/// <c>npx supabase migration new</c> plus hand edits.
/// </summary>
public sealed class NewTask(TimeProvider? clock = null) : ITask
{
    public static readonly Argument<string> NameArgument = new("name")
    {
        Description = "What the migration does, in snake_case: add_budgets",
        // Optional only with --expand, which names its pair itself.
        Arity = ArgumentArity.ZeroOrOne,
    };

    readonly ExpandOptions _expand = new();

    readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public string Name => "new";
    public string Description => "Create a migration file and its down file";

    /// <summary>No database: it writes files.</summary>
    public IReadOnlyList<Option> Reads => GlobalOptions.Repository;
    public IReadOnlyList<Argument> Arguments => [NameArgument];
    public IReadOnlyList<Option> Options => _expand.All;

    public async Task<int> RunAsync(TaskContext context)
    {
        // Apps sharing a database share supabase_migrations.schema_migrations, whose key is the version alone: a version
        // any app of the repository holds is taken.
        var taken = context.Workspace.Settings.Apps
            .SelectMany(a => MigrationFolderListing.Of(a.Migrations).Files.Select(f => f.Name?.Version))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        if (context.Get(_expand.Operation) is { Length: > 0 } operation)
            return await ExpandPairWriter.WriteAsync(context, _expand, operation, (folder, after) => NextVersion(taken, after));
        var name = MigrationName(context);

        var app = context.Workspace.App;
        var folder = MigrationFolderListing.Of(app.Migrations);
        var version = NextVersion(taken, null);
        var fileName = $"{version}_{name}.sql";
        var up = Path.Combine(app.Migrations, fileName);
        var down = Path.Combine(folder.DownFolder, fileName);
        FileOwnership.CreateFolder(folder.DownFolder);
        await File.WriteAllTextAsync(up, UpText(name, app), context.CancellationToken);
        await File.WriteAllTextAsync(down, DownText(fileName, app), context.CancellationToken);
        FileOwnership.MatchFolder(up);
        FileOwnership.MatchFolder(down);

        await context.Output.WriteLineAsync($"Created {RepositoryPaths.Display(up, context.Workspace.Root)}");
        await context.Output.WriteLineAsync($"Created {RepositoryPaths.Display(down, context.Workspace.Root)}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The first version from now (or after <paramref name="after"/>) that no app of the repository holds: a second later
    /// per taken one.
    /// </summary>
    string NextVersion(IReadOnlySet<string> taken, string? after)
    {
        var now = _clock.GetUtcNow();
        var version = Version(now);
        while (taken.Contains(version) || (after is not null && string.CompareOrdinal(version, after) <= 0))
        {
            now = now.AddSeconds(1);
            version = Version(now);
        }

        return version;
    }

    /// <summary>The name argument, checked: what may follow the version in a migration's file name.</summary>
    internal static string MigrationName(TaskContext context)
    {
        var name = context.Get(NameArgument) ?? "";
        if (!MigrationFileName.IsPlainName(name))
            throw new UsageException($"'{name}' is not a migration name: use letters, digits, '_' and '-' (add_budgets), not ending in _down.");
        return name;
    }

    internal static string Version(DateTimeOffset time) => time.UtcDateTime.ToString(MigrationFileName.NewVersionFormat, CultureInfo.InvariantCulture);

    static string UpText(string name, AppSettings app) => $"""
        -- {name.Replace('_', ' ')}
        --
        -- What: <what this migration changes>
        -- Why:  <why the app needs it>
        --
        -- Keep it idempotent (IF NOT EXISTS, IF EXISTS, ON CONFLICT, OR REPLACE). New tables need
        -- ENABLE ROW LEVEL SECURITY, policies and grants. A change apps must follow needs a
        -- breaking-change note above it (docs/rules/breaking-change.md). Check it with: ci-migrate lint
        SET search_path TO {app.Schema};

        """;

    static string DownText(string upFileName, AppSettings app) => $"""
        -- Undoes {upFileName}: drop what it created (IF EXISTS), restore what it changed.
        SET search_path TO {app.Schema};

        """;
}
