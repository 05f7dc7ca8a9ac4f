using EvolveDb;
using EvolveDb.Configuration;
using Npgsql;

namespace CiMigrate.Bench.Peers;

/// <summary>Evolve (Flyway's model): V&lt;version&gt;__&lt;name&gt;.sql files, one transaction per script.</summary>
static class EvolveRunner
{
    public static int Run(string connectionString, string folder)
    {
        using var connection = new NpgsqlConnection(connectionString);
        var evolve = new Evolve(connection, _ => { })
        {
            Locations = [folder],
            IsEraseDisabled = true,
            // The scripts set search_path; keep the changelog where the next run looks for it.
            MetadataTableSchema = "public",
            MetadataTableName = "changelog",
            TransactionMode = TransactionKind.CommitEach,
        };
        try
        {
            evolve.Migrate();
            return 0;
        }
        catch (EvolveException e)
        {
            Console.Error.WriteLine($"evolve: {e.Message} {e.InnerException?.Message}");
            return 1;
        }
    }
}
