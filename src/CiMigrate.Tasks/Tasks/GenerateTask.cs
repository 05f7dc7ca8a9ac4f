using System.CommandLine;
using System.Globalization;
using CiMigrate.Cli;
using CiMigrate.Configuration;
using CiMigrate.Generation;
using CiMigrate.Hosting;
using CiMigrate.Lint;
using CiMigrate.Migrations;
using CiMigrate.Reporting;
using CiMigrate.Shadow;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>ci-migrate generate &lt;name&gt; [--app &lt;app&gt;] [--from &lt;folder or file&gt;]</c>: schema as code. The
/// declared schema (<c>supabase/schemas/*.sql</c>) against what the app's migrations give, written as a migration
/// and its down file in house style, linted, and proven on shadow databases before anything is written.
/// </summary>
public sealed class GenerateTask(TimeProvider? clock = null) : ITask
{
    public static readonly Option<string?> FromOption = new("--from")
    {
        Description = "The declared schema: a folder of .sql files (sub-folders included, in path order) or one file; default as the Supabase CLI reads it " +
            "(supabase/config.toml [db.migrations] schema_paths, else supabase/schemas)",
    };

    readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public string Name => "generate";
    public string Description => "Write the migration that takes the app's schema to the declared one, proven on a shadow database";

    /// <summary>No target: the shadow is its only database.</summary>
    public IReadOnlyList<Option> Reads => GlobalOptions.Repository;
    public IReadOnlyList<Argument> Arguments => [NewTask.NameArgument];
    public IReadOnlyList<Option> Options => [FromOption, DiffTask.ShadowUrlOption];

    public async Task<int> RunAsync(TaskContext context)
    {
        var name = NewTask.MigrationName(context);

        var workspace = context.Workspace;
        var app = workspace.App;
        var declared = context.Get(FromOption) is { } given
            ? DeclaredSchema.Load(Path.GetFullPath(given, context.Options.WorkingDirectory), workspace.Root)
            : DeclaredSchema.OfApp(app, workspace.Root) ?? DeclaredSchema.Load(DeclaredSchema.DefaultFolder(app), workspace.Root);
        var history = workspace.LoadMigrations(app).Migrations;
        var lint = new GeneratedFilesLint(new Linter(LintRules.All, workspace.Settings.Lint), app, workspace.Root);
        var result = await SchemaGenerator.GenerateAsync(new GenerationRequest
        {
            App = app,
            Name = name,
            History = history,
            Declared = declared,
            StartShadow = ct => ShadowChoice.StartAsync(context, null, null, ct),
            Versions = Versions(new MigrationsFolder(app.Migrations, app), history),
            Root = workspace.Root,
            Review = lint.WithDownSuppressions,
        }, context.CancellationToken);

        if (result.Files.Count == 0)
        {
            await context.Output.WriteLineAsync($"{app.Name}: the migrations already give the declared schema; nothing to generate.");
            return ExitCodes.Ok;
        }

        if (!result.Proven)
        {
            await context.Error.WriteLineAsync(GenerationTextRenderer.Unproven(result));
            return ExitCodes.Findings;
        }

        var report = lint.Lint(result.Files);
        if (report.HasErrors)
        {
            await context.Error.WriteLineAsync("The generated files do not pass lint, so none was written:");
            LintTextRenderer.Render(report, context.Error);
            return ExitCodes.Findings;
        }

        var down = Path.Combine(app.Migrations, MigrationFolderListing.DownFolderName);
        Directory.CreateDirectory(down);
        foreach (var file in result.Files)
        {
            await File.WriteAllTextAsync(Path.Combine(app.Migrations, file.FileName), file.Up, context.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(down, file.FileName), file.Down, context.CancellationToken);
            await context.Output.WriteLineAsync($"Created {RepositoryPaths.Display(Path.Combine(app.Migrations, file.FileName), workspace.Root)}" +
                $" and its down file{(file.NoTransaction ? " (no transaction)" : "")}");
        }

        await context.Output.WriteLineAsync(GenerationTextRenderer.Proven(result, report.WarningCount));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// One version per possible file, a second apart from now (or after the newest migration, should its version lie
    /// ahead of the clock, so the new files never apply out of order), none taken by an existing migration.
    /// </summary>
    IReadOnlyList<string> Versions(MigrationsFolder folder, IReadOnlyList<Migration> history)
    {
        var versions = new List<string>();
        var now = _clock.GetUtcNow();
        if (history.Count > 0 && DateTimeOffset.TryParseExact(history[^1].Version, MigrationFileName.NewVersionFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var newest) && newest >= now)
            now = newest.AddSeconds(1);
        while (versions.Count < Enum.GetValues<GeneratedPart>().Length)
        {
            var version = NewTask.Version(now);
            if (folder.UpFilesWithVersion(version).Count == 0 && !folder.HasDownFile(version))
                versions.Add(version);
            now = now.AddSeconds(1);
        }

        return versions;
    }
}
