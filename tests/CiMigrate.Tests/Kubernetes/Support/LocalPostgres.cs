using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CiMigrate.Tests.Kubernetes.Support;

/// <summary>
/// A real PostgreSQL 15 in a temporary folder with password authentication, on 127.0.0.1 at a free port: what the
/// fake API server relays port-forwards to. Runs the server as the postgres user when the tests run as root.
/// </summary>
sealed class LocalPostgres : IAsyncDisposable
{
    public const string Password = "s3cret-pg-password";

    readonly string _folder;

    LocalPostgres(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Password = Password,
        Database = database,
        SslMode = SslMode.Disable,
        Pooling = false,
    }.ConnectionString;

    public static async Task<LocalPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().First();
        var folder = Path.Combine(Path.GetTempPath(), $"ci-migrate-kube-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var passwordFile = Path.Combine(folder, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (Environment.UserName == "root")
            await RunAsync("chown", "-R", "postgres", folder);

        var data = Path.Combine(folder, "data");
        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=scram-sha-256",
            $"--pwfile={passwordFile}", "-E", "UTF8", "--no-sync");
        var port = FreePort();
        await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"), "-w", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return new LocalPostgres(folder, port);
    }

    public async ValueTask DisposeAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).OrderDescending().First();
        await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : RunAsync(program, arguments);

    static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output}{await error}");
    }
}
