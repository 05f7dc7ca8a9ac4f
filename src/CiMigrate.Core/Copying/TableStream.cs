using System.Buffers;
using System.Text;
using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// Streams one table's rows from the source's <c>COPY ... TO STDOUT</c> into the target's <c>COPY ... FROM STDIN</c>:
/// binary COPY passed through as raw bytes (nothing decoded on the way), or text COPY for the few types whose binary
/// form carries server-specific type OIDs. Nothing is held but one buffer.
/// </summary>
static class TableStream
{
    const int BufferSize = 1 << 16;

    /// <summary>Copies the rows; <paramref name="progress"/> gets the bytes moved so far. Returns the bytes moved.</summary>
    public static async Task<long> CopyAsync(NpgsqlConnection source, string sourceSchema, NpgsqlConnection target, string targetSchema,
        CopyTable table, Action<long> progress, CancellationToken cancellationToken)
    {
        var columns = SqlNames.ColumnList(table.Copied);
        var format = table.UsesText ? "TEXT" : "BINARY";
        var export = $"COPY {SqlNames.Qualified(sourceSchema, table.Name)} ({columns}) TO STDOUT (FORMAT {format})";
        // FREEZE: the copy's transaction made or emptied every target table, so the rows can be written frozen and
        // all-visible, sparing the hint bits and visibility map work a later read or VACUUM would otherwise do.
        var import = $"COPY {SqlNames.Qualified(targetSchema, table.Name)} ({columns}) FROM STDIN (FORMAT {format}, FREEZE)";
        return table.UsesText
            ? await CopyTextAsync(source, export, target, import, progress, cancellationToken)
            : await CopyBinaryAsync(source, export, target, import, progress, cancellationToken);
    }

    static async Task<long> CopyBinaryAsync(NpgsqlConnection source, string export, NpgsqlConnection target, string import,
        Action<long> progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long bytes = 0;
        try
        {
            await using var reader = await source.BeginRawBinaryCopyAsync(export, cancellationToken);
            var writer = await target.BeginRawBinaryCopyAsync(import, cancellationToken);
            try
            {
                int read;
                while ((read = await reader.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    bytes += read;
                    progress(bytes);
                }
            }
            catch
            {
                // Without this the import would end normally on dispose and keep the rows read so far.
                await writer.CancelAsync();
                throw;
            }

            // Disposing ends the import; the server checks the rows (constraints, types) here.
            await writer.DisposeAsync();
            return bytes;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static async Task<long> CopyTextAsync(NpgsqlConnection source, string export, NpgsqlConnection target, string import,
        Action<long> progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<char>.Shared.Rent(BufferSize);
        long bytes = 0;
        try
        {
            using var reader = await source.BeginTextExportAsync(export, cancellationToken);
            var writer = await target.BeginTextImportAsync(import, cancellationToken);
            try
            {
                int read;
                while ((read = await reader.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    bytes += Encoding.UTF8.GetByteCount(buffer.AsSpan(0, read));
                    progress(bytes);
                }
            }
            catch
            {
                await ((NpgsqlCopyTextWriter)writer).CancelAsync();
                throw;
            }

            await writer.DisposeAsync();
            return bytes;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
