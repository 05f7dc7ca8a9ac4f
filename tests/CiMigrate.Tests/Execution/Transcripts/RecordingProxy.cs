using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CiMigrate.Tests.Execution.Transcripts;

/// <summary>
/// DbUp's recording connection, one level down: a TCP proxy between Npgsql and the test server that reads the
/// frontend protocol on its way through and writes down, while <see cref="Recording"/> is on, every SQL text the
/// client sends (Parse and Query messages, Npgsql's own BEGIN included), the parameter values of each Bind, and the
/// end of each round trip (Sync). A message is written down before it is forwarded, so once the client has its
/// answer, the transcript holds what it sent.
/// </summary>
sealed class RecordingProxy : IAsyncDisposable
{
    // The 8-byte requests before the startup message: SSLRequest and GSSENCRequest.
    const int SslRequestCode = 80877103;
    const int GssRequestCode = 80877104;

    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly int _serverPort;
    readonly List<string> _lines = [];
    readonly List<Task> _pumps = [];
    readonly CancellationTokenSource _stop = new();
    readonly Task _accepting;

    public RecordingProxy(int serverPort)
    {
        _serverPort = serverPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Whether messages are written down now; the session's own setup is left out of a transcript.</summary>
    public bool Recording { get; set; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stop.Token);
            lock (_pumps)
            {
                _pumps.Add(ClientToServerAsync(client, server));
                _pumps.Add(CopyAsync(server.GetStream(), client.GetStream()));
            }
        }
    }

    async Task CopyAsync(NetworkStream from, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to, _stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // One side closed: the other pump ends with it.
        }
        finally
        {
            to.Socket.Shutdown(SocketShutdown.Send);
        }
    }

    async Task ClientToServerAsync(TcpClient client, TcpClient server)
    {
        var from = client.GetStream();
        var to = server.GetStream();
        var started = false;
        try
        {
            while (true)
            {
                byte type = 0;
                if (started)
                {
                    var typeByte = new byte[1];
                    if (await from.ReadAsync(typeByte, _stop.Token) == 0)
                        break;
                    type = typeByte[0];
                }

                var lengthBytes = new byte[4];
                await from.ReadExactlyAsync(lengthBytes, _stop.Token);
                var length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
                var body = new byte[length - 4];
                await from.ReadExactlyAsync(body, _stop.Token);
                if (!started)
                {
                    var code = body.Length == 4 ? BinaryPrimitives.ReadInt32BigEndian(body) : 0;
                    started = code is not (SslRequestCode or GssRequestCode);
                }
                else if (Recording)
                {
                    Record(type, body);
                }

                if (started && type != 0)
                    await to.WriteAsync(new[] { type }, _stop.Token);
                await to.WriteAsync(lengthBytes, _stop.Token);
                await to.WriteAsync(body, _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away.
        }
        finally
        {
            to.Socket.Shutdown(SocketShutdown.Send);
        }
    }

    void Record(byte type, byte[] body)
    {
        var line = (char)type switch
        {
            'Q' => CString(body, 0, out _),
            'P' => Parse(body),
            'B' => Bind(body),
            'S' => "-- round trip ends",
            _ => null,
        };
        if (line is null)
            return;
        lock (_lines)
            _lines.Add(line);
    }

    static string Parse(byte[] body)
    {
        CString(body, 0, out var next);
        return CString(body, next, out _);
    }

    /// <summary>The values of a Bind, as text when they read as text (Npgsql sends strings as their UTF-8 bytes).</summary>
    static string? Bind(byte[] body)
    {
        CString(body, 0, out var at);
        CString(body, at, out at);
        var formats = BinaryPrimitives.ReadInt16BigEndian(body.AsSpan(at));
        at += 2 + 2 * formats;
        var count = BinaryPrimitives.ReadInt16BigEndian(body.AsSpan(at));
        at += 2;
        if (count == 0)
            return null;
        var values = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(at));
            at += 4;
            values.Add(length < 0 ? "NULL" : Value(body.AsSpan(at, length)));
            at += Math.Max(0, length);
        }

        return $"   with ({string.Join(", ", values)})";
    }

    static string Value(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (text.All(c => !char.IsControl(c) || c is '\n' or '\t'))
            return $"'{text}'";
        return bytes.Length switch
        {
            4 => BinaryPrimitives.ReadInt32BigEndian(bytes).ToString(System.Globalization.CultureInfo.InvariantCulture),
            8 => BinaryPrimitives.ReadInt64BigEndian(bytes).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => $"0x{Convert.ToHexString(bytes)}",
        };
    }

    static string CString(byte[] body, int start, out int next)
    {
        var end = Array.IndexOf(body, (byte)0, start);
        next = end + 1;
        return Encoding.UTF8.GetString(body, start, end - start);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] pumps;
        lock (_pumps)
            pumps = [.. _pumps];
        await Task.WhenAll(pumps);
        _stop.Dispose();
    }
}
