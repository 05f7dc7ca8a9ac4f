using System.Net.Sockets;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// Turns what Npgsql throws while connecting into one sentence that says what is wrong and what to do, naming the
/// target without its password. Npgsql's own messages can quote the host but never the password; we still build
/// our own, because "28P01: password authentication failed" does not tell a CI user which secret to fix.
/// </summary>
static class ConnectionErrors
{
    public static ExecutionException Explain(Exception error, string target) => error switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } =>
            new($"The database at {target} rejected the password: check the secret that holds the connection string.", error),
        PostgresException { SqlState: PostgresErrorCodes.InvalidAuthorizationSpecification } pg =>
            new($"The database at {target} refused the login ({pg.MessageText}): check the user name and the server's pg_hba.conf.", error),
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
            new($"The database at {target} does not exist: check the database name in the connection string.", error),
        PostgresException { SqlState: PostgresErrorCodes.TooManyConnections } pg =>
            new($"The database at {target} accepts no more connections ({pg.MessageText}): try again later.", error),
        PostgresException pg =>
            new($"Connecting to {target} failed: {pg.MessageText} ({pg.SqlState}).", error),
        NpgsqlException { InnerException: SocketException socket } =>
            new($"Cannot reach the database at {target}: {socket.Message}. Check the host and port, and that the server is running.", error),
        NpgsqlException { InnerException: TimeoutException } =>
            new($"Cannot reach the database at {target}: the connection timed out. Check the host, port and network path.", error),
        _ => new($"Connecting to {target} failed: {error.Message}", error),
    };
}
