namespace CiMigrate.Execution;

/// <summary>What <see cref="MigrationPreflight"/> checks the statements of the files about to run for.</summary>
[Flags]
public enum ContentChecks
{
    /// <summary>Only transaction control and what cannot run in a transaction (files already applied elsewhere).</summary>
    None = 0,

    /// <summary>Statements that change what every app shares (<see cref="Sql.GlobalDdl"/>).</summary>
    GlobalDdl = 1,

    /// <summary>Statements that reach the server's files and programs (<see cref="Sql.ServerAccess"/>): on the shadow.</summary>
    ServerAccess = 2,
}
