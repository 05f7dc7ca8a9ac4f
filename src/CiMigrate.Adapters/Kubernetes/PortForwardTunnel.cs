using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;

namespace CiMigrate.Kubernetes;

/// <summary>
/// One local connection relayed through one port-forward WebSocket. The port-forward protocol gives each
/// forwarded port a data channel (0) and an error channel (1); the API server first sends the port number
/// (2 bytes) on both, which <see cref="StreamDemuxer"/> skips in <see cref="StreamType.PortForward"/> mode.
/// </summary>
sealed partial class PortForwardTunnel(IKubernetes client, PortForwarder forwarder, TcpClient local)
{
    const byte DataChannel = 0;
    const byte ErrorChannel = 1;

    /// <summary>
    /// Relays until either side ends. When the pod side broke, the loss is reported to the forwarder BEFORE the local
    /// socket closes: Npgsql fails the moment it sees the close, and whoever explains that failure must already
    /// find the reason.
    /// </summary>
    public async Task RelayAsync(CancellationToken stopping)
    {
        using var _ = local;
        WebSocket socket;
        try
        {
            socket = await client.WebSocketNamespacedPodPortForwardAsync(forwarder.Pod, forwarder.Namespace, [forwarder.Port],
                WebSocketProtocol.V4BinaryWebsocketProtocol, cancellationToken: stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            forwarder.ReportLoss(new TunnelLoss($"the port-forward to {Target} could not be opened: {OpenFailure(ex)}", Opened: false));
            return;
        }

        using var demuxer = new StreamDemuxer(socket, StreamType.PortForward, ownsSocket: true);
        // Separate read-only streams: a read blocks its stream, so one duplex stream would stall the writes.
        using var fromPod = demuxer.GetStream((byte?)DataChannel, null);
        using var podErrors = demuxer.GetStream((byte?)ErrorChannel, null);
        demuxer.Start();

        var network = local.GetStream();
        var errors = OnThread(() => ReadAll(podErrors));
        var podToLocal = OnThread(() => CopyFromPod(fromPod, network));
        var localToPod = CopyToPodAsync(network, demuxer, stopping);

        var podSideEnded = await Task.WhenAny(podToLocal, localToPod) == podToLocal && !stopping.IsCancellationRequested;
        if (podSideEnded)
        {
            var errorText = await ErrorTextAsync(errors);
            forwarder.ReportLoss(new TunnelLoss(
                errorText.Length == 0 ? $"the port-forward to {Target} closed" : $"the port-forward to {Target} closed ({errorText})",
                Opened: true));
        }

        // Closing the local socket is what makes Npgsql see the break at once instead of waiting for a reply.
        Close();
        demuxer.Dispose();
        await Task.WhenAll(podToLocal, localToPod, errors);
    }

    /// <summary>
    /// What the pod said on the error channel. The pod side is gone, so that channel ends too; the wait is bounded
    /// all the same, because the local client must not hang on a half-closed socket.
    /// </summary>
    static async Task<string> ErrorTextAsync(Task<string> errors)
    {
        try
        {
            return (await errors.WaitAsync(TimeSpan.FromSeconds(2))).Trim();
        }
        catch (TimeoutException)
        {
            return "";
        }
    }

    string Target => $"{forwarder.Namespace}/{forwarder.Pod}";

    public void Close()
    {
        try
        {
            // Client is null once the relay itself disposed the connection.
            local.Client?.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the other side: nothing left to shut down.
        }

        local.Close();
    }

    string OpenFailure(Exception ex)
    {
        var access = new Access("create", "pods/portforward", forwarder.Pod, forwarder.Namespace);
        if (ex is HttpOperationException http)
            return KubernetesErrors.Describe(access, http.Response.StatusCode, http.Response.Content);
        // ClientWebSocket reports a refused upgrade only in its message ("status code '403' when status code '101'
        // was expected"); the status is what tells an RBAC gap from anything else.
        if (ex is WebSocketException && RefusedUpgrade().Match(ex.Message) is { Success: true } match)
            return KubernetesErrors.Describe(access, (HttpStatusCode)int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), null);
        return ex.Message;
    }

    [GeneratedRegex("status code '([0-9]{3})'")]
    private static partial Regex RefusedUpgrade();

    // MuxedStream reads block a thread until data arrives; a dedicated thread keeps them off the pool.
    static Task<T> OnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    static bool CopyFromPod(Stream fromPod, NetworkStream network)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = fromPod.Read(buffer, 0, buffer.Length)) > 0)
                network.Write(buffer, 0, read);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            // The local side went away while writing: the relay ends either way.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return true;
    }

    static async Task<bool> CopyToPodAsync(NetworkStream network, StreamDemuxer demuxer, CancellationToken stopping)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await network.ReadAsync(buffer, stopping)) > 0)
                await demuxer.Write(DataChannel, buffer, 0, read, stopping);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or WebSocketException
                                       or OperationCanceledException)
        {
            // Either side closing ends the copy; which side it was is decided by the caller.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return true;
    }

    static string ReadAll(Stream stream)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        catch (ObjectDisposedException)
        {
            // The demuxer was disposed: what was read so far is all there is.
        }

        return text.ToString();
    }
}
