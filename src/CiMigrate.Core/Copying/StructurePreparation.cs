using CiMigrate.History;
using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// Prepares the scripts that build the target's structure before anything runs: the app's migrations that the
/// source's ledger records as applied (so the target's history is right from the start), or, when the source has no
/// ledger rows for the app, the source's catalog. Renames the schema in them structurally; every name that cannot be
/// rewritten is a problem, and problems refuse the copy.
/// </summary>
sealed class StructurePreparation
{
    public List<StructureScript> Scripts { get; } = [];
    public List<string> Problems { get; } = [];
    public List<string> Notes { get; } = [];

    public static async Task<StructurePreparation> PrepareAsync(CopyRequest request, NpgsqlConnection source, string sourceConnectionString,
        CancellationToken cancellationToken)
    {
        var preparation = new StructurePreparation();
        var applied = await new Ledger(source, request.App.Name, request.App.Schema).ReadAsync(cancellationToken);
        if (applied.Count > 0)
        {
            preparation.FromMigrations(request, HistoryComparison.Compare(request.Migrations, applied));
        }
        else
        {
            var dump = await CatalogDump.ReadAsync(sourceConnectionString, request.App.Schema, request.Variables, cancellationToken);
            preparation.Add(SqlScript.Parse(dump, $"pg_dump --schema-only of {request.App.Schema} on {request.SourceEnvironment.Name}"),
                request, migration: null);
        }

        return preparation;
    }

    void FromMigrations(CopyRequest request, HistoryComparison comparison)
    {
        var from = request.SourceEnvironment.Name;
        foreach (var entry in comparison.Entries)
        {
            switch (entry.State)
            {
                case MigrationState.Applied:
                    Add(entry.Local!.Up.Script, request, entry.Local);
                    break;
                case MigrationState.Edited:
                    Problems.Add($"{entry.Local!.Up.DisplayPath}: edited since it was applied on {from}; the copy replays the files " +
                        $"that ran there. Restore the file, or accept the edit with 'ci-migrate repair --env {from}'.");
                    break;
                case MigrationState.MissingLocally:
                    Problems.Add($"{entry.Version}_{entry.Applied!.Name}: applied on {from} but not in {request.App.Migrations}; " +
                        "the copy cannot replay a migration it does not have.");
                    break;
                default:
                    Notes.Add($"{entry.Local!.Up.DisplayPath} is not applied on {from}: not replayed (apply it afterwards as usual)");
                    break;
            }
        }
    }

    void Add(SqlScript script, CopyRequest request, Migration? migration)
    {
        var checksum = migration?.Checksum ?? "";
        if (request.App.Schema != request.TargetApp.Schema)
        {
            var renamed = SchemaRename.Apply(script, request.App.Schema, request.TargetApp.Schema);
            Problems.AddRange(renamed.Problems.Select(p => p.ToString()));
            script = SqlScript.Parse(renamed.Text, script.Path);
            checksum = MigrationChecksum.Of(renamed.Text);
        }

        foreach (var statement in script.Statements.Where(s => s.Kind is StatementKind.TransactionControl or StatementKind.Vacuum))
        {
            Problems.Add($"{statement.Path}:{statement.Line}:{statement.Column}: '{statement.Tokens[0].Text}' cannot run inside the " +
                "one transaction of the copy.");
        }

        Scripts.Add(new StructureScript(script, migration, checksum));
    }
}
