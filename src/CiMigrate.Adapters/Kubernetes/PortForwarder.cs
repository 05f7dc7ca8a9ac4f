using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using k8s;

namespace CiMigrate.Kubernetes;

/// <summary>
/// <c>kubectl port-forward</c> in process: listens on 127.0.0.1 at a free port and relays each accepted connection
/// through its own port-forward WebSocket to the pod. A tunnel that breaks closes its local socket, so the client
/// (Npgsql) sees a broken connection instead of waiting; nothing is reconnected or replayed.
/// </summary>
public sealed class PortForwarder : IAsyncDisposable
{
    readonly IKubernetes _client;
    readonly TcpListener _listener;
    readonly CancellationTokenSource _stopping = new();
    readonly ConcurrentDictionary<PortForwardTunnel, byte> _tunnels = new();
    readonly Task _accepting;
    TunnelLoss? _lost;
    int _opened;

    PortForwarder(IKubernetes client, string @namespace, string pod, int port)
    {
        _client = client;
        Namespace = @namespace;
        Pod = pod;
        Port = port;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Starts listening; tunnels open lazily, one per accepted connection.</summary>
    public static PortForwarder Start(IKubernetes client, string @namespace, string pod, int port) =>
        new(client, @namespace, pod, port);

    public string Namespace { get; }
    public string Pod { get; }

    /// <summary>The pod's port (5432).</summary>
    public int Port { get; }

    /// <summary>The local port on 127.0.0.1 that leads to the pod.</summary>
    public int LocalPort => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many tunnels were opened so far: one per connection, never a silent reconnect.</summary>
    public int TunnelsOpened => Volatile.Read(ref _opened);

    /// <summary>
    /// Why the most recent tunnel broke under an open connection (<c>the port-forward to supabase/postgres-0
    /// closed</c>), or null when none did.
    /// </summary>
    public string? LostReason => LastLoss?.Reason;

    /// <summary>The most recent tunnel that broke, or could not be opened; null when none did.</summary>
    public TunnelLoss? LastLoss => Volatile.Read(ref _lost);

    async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient local;
            try
            {
                local = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _opened);
            var tunnel = new PortForwardTunnel(_client, this, local);
            _tunnels[tunnel] = 0;
            _ = RunAsync(tunnel);
        }
    }

    async Task RunAsync(PortForwardTunnel tunnel)
    {
        await tunnel.RelayAsync(_stopping.Token);
        _tunnels.TryRemove(tunnel, out _);
    }

    /// <summary>A tunnel broke on the pod side; a loss while this forwarder is being stopped is no loss.</summary>
    internal void ReportLoss(TunnelLoss loss)
    {
        if (!_stopping.IsCancellationRequested)
            Volatile.Write(ref _lost, loss);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var tunnel in _tunnels.Keys)
            tunnel.Close();
        _stopping.Dispose();
    }
}
