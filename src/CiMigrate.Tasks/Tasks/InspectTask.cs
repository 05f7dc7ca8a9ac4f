using System.CommandLine;
using CiMigrate.Cli;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Reporting;
using CiMigrate.Sql;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>ci-migrate inspect &lt;file&gt;...</c>: how ci-migrate splits and classifies SQL files, for users debugging
/// a file and for tests. Needs no settings and no database.
/// </summary>
sealed class InspectTask : ITask
{
    static readonly Argument<string[]> FilesArgument = new("files")
    {
        Description = "SQL files to read",
        Arity = ArgumentArity.OneOrMore,
    };

    public string Name => "inspect";
    public string Description => "Show how ci-migrate reads SQL files: each statement with kind, objects, line, column";

    /// <summary>No database: the files only.</summary>
    public IReadOnlyList<Option> Reads => GlobalOptions.Repository;
    public IReadOnlyList<Argument> Arguments => [FilesArgument];

    public async Task<int> RunAsync(TaskContext context)
    {
        var files = context.Get(FilesArgument) ?? [];
        var scripts = new List<SqlScript>(files.Length);
        var failed = false;
        foreach (var file in files)
        {
            var fullPath = Path.Combine(context.Options.WorkingDirectory, file);
            if (!File.Exists(fullPath))
                throw new UsageException($"{file}: no such file");
            try
            {
                // Read as migrations are read (strict UTF-8, BOM dropped), so inspect shows exactly what apply runs.
                scripts.Add(MigrationFile.Read(fullPath, context.Options.WorkingDirectory).Script);
            }
            catch (SqlSyntaxException ex)
            {
                await context.Error.WriteLineAsync(ex.Message);
                failed = true;
            }
        }

        if (failed)
            return ExitCodes.Usage;

        if (context.Options.Format == OutputFormat.Json)
        {
            await context.Output.WriteLineAsync(InspectRenderer.ToJson(scripts));
            return ExitCodes.Ok;
        }

        foreach (var script in scripts)
            InspectRenderer.WriteText(context.Output, script);
        return ExitCodes.Ok;
    }
}
