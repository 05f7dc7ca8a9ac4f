using System.Text.RegularExpressions;
using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Lint;
using CiMigrate.Migrations;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>new --expand rename-column &lt;table&gt;.&lt;old&gt; &lt;new&gt;</c>: writes the expand migration and its contract
/// migration (the contract one version later, naming the expand's version), each with its down file.
/// </summary>
static partial class ExpandPairWriter
{
    public static async Task<int> WriteAsync(TaskContext context, ExpandOptions options, string[] operation,
        Func<MigrationFolderListing, string?, string> nextVersion)
    {
        if (operation is not ["rename-column", var qualified, var newName])
            throw new UsageException($"--expand {string.Join(' ', operation)}: the operation this version writes is rename-column <table>.<old> <new>.");
        if (qualified.Split('.') is not [var table, var old] || !PlainName().IsMatch(table) || !PlainName().IsMatch(old) || !PlainName().IsMatch(newName))
            throw new UsageException($"--expand rename-column {qualified} {newName}: give <table>.<old> <new> as plain lower-case names (entries.note memo).");

        var app = context.Workspace.App;
        var folder = MigrationFolderListing.Of(app.Migrations);
        var type = context.Get(options.Type) ?? TypeOf(app, table, old)
            ?? throw new UsageException($"The migrations of {app.Name} do not declare a column {table}.{old} plainly (CREATE TABLE or ADD COLUMN), " +
                "so its type is unknown: pass --type <type>.");
        var rename = new ColumnRename(app.Schema, table, old, newName, type);

        var name = $"rename_{table}_{old}_to_{newName}";
        var expandVersion = nextVersion(folder, null);
        var contractVersion = nextVersion(folder, expandVersion);
        var expandFile = $"{expandVersion}_expand_{name}.sql";
        var contractFile = $"{contractVersion}_contract_{name}.sql";
        Directory.CreateDirectory(folder.DownFolder);
        var written = new (string Path, string Text)[]
        {
            (Path.Combine(app.Migrations, expandFile), rename.Expand($"expand_{name}")),
            (Path.Combine(folder.DownFolder, expandFile), rename.ExpandDown(expandFile)),
            (Path.Combine(app.Migrations, contractFile), rename.Contract($"contract_{name}", expandVersion)),
            (Path.Combine(folder.DownFolder, contractFile), rename.ContractDown(contractFile)),
        };
        foreach (var (path, text) in written)
        {
            await File.WriteAllTextAsync(path, text, context.CancellationToken);
            await context.Output.WriteLineAsync($"Created {RepositoryPaths.Display(path, context.Workspace.Root)}");
        }

        await context.Output.WriteLineAsync(
            $"prod-apply runs {contractFile} no sooner than contractAfter (default 24h) after {expandFile} reached production.");
        return ExitCodes.Ok;
    }

    /// <summary>The column's type as the app's migrations declare it (all of them, in version order).</summary>
    static string? TypeOf(AppSettings app, string table, string column)
    {
        var files = MigrationDiscovery.Discover(MigrationFolderListing.Of(app.Migrations), app.Migrations).Select(m => m.Up.Path);
        // After every version: no version is as long as this.
        return ColumnTypeHistory.Read(files).TypeBefore(new string('9', 64), table, column);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainName();
}
