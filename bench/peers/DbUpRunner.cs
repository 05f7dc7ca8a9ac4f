using DbUp;
using DbUp.Engine;

namespace CiMigrate.Bench.Peers;

/// <summary>DbUp: every script in the folder, in name order, one transaction per script, journal in public.</summary>
static class DbUpRunner
{
    public static int Run(string connectionString, string folder)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsFromFileSystem(folder)
            .WithTransactionPerScript()
            // The scripts set search_path; an unqualified journal would follow it into the app's schema.
            .JournalToPostgresqlTable("public", "schemaversions")
            .LogToNowhere()
            .Build();
        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (result.Successful)
            return 0;
        Console.Error.WriteLine($"dbup: {result.ErrorScript?.Name}: {result.Error.Message}");
        return 1;
    }
}
