using CiMigrate.Configuration;
using CiMigrate.Hosting;

namespace CiMigrate.Execution;

/// <summary>Chooses the way in to an environment's database: the one place a new kind of target plugs in.</summary>
public static class DatabaseTargets
{
    /// <summary><c>--database-url</c> or the environment's connection string; a <c>kubernetes</c> block gets the port-forward target.</summary>
    public static IDatabaseTarget For(EnvironmentSettings environment, TaskContext context) =>
        new ConnectionStringTarget(context.Workspace.ConnectionString(environment));
}
