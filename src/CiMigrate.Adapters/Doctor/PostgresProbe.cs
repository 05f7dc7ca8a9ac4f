using System.Buffers.Binary;
using System.Net.Sockets;

namespace CiMigrate.Doctor;

/// <summary>
/// Asks a PostgreSQL server whether it speaks TLS, without logging in: the SSLRequest packet, answered with a
/// single byte, 'S' or 'N'. That one byte also proves TCP reaches PostgreSQL (and not something else).
/// </summary>
public static class PostgresProbe
{
    // https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-SSLREQUEST
    const int SslRequestCode = 80877103;

    /// <summary>'S' when the server offers TLS, 'N' when it does not; null when the connection closed without an answer.</summary>
    public static async Task<char?> SslRequestAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken);
        var stream = client.GetStream();
        var request = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(request, 8);
        BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(4), SslRequestCode);
        await stream.WriteAsync(request, cancellationToken);
        var answer = new byte[1];
        var read = await stream.ReadAsync(answer, cancellationToken);
        return read == 0 ? null : (char)answer[0];
    }
}
