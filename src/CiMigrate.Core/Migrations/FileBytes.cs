using Microsoft.Win32.SafeHandles;

namespace CiMigrate.Migrations;

/// <summary>
/// Reads a whole file into a buffer of the calling thread, reused from file to file: discovery reads every up file of
/// a history (10,000 at a time) only to check and hash it, and a new array per file (<see cref="File.ReadAllBytes(string)"/>)
/// made garbage the size of the history. The system calls are as many: open (with the runtime's status call), read
/// until the end, close.
/// </summary>
static class FileBytes
{
    const int InitialSize = 64 * 1024;

    // A larger buffer (a file of several MiB, a seed) is not kept: held by the thread, it would outlive the file.
    const int KeptSize = 1024 * 1024;

    [ThreadStatic]
    static byte[]? t_buffer;

    /// <summary>
    /// The file's bytes, valid until this thread reads the next file; hand <paramref name="use"/> what it needs and keep
    /// nothing of the span.
    /// </summary>
    public static T Read<T>(string path, ReadOnlySpanFunc<byte, T> use)
    {
        using SafeFileHandle handle = File.OpenHandle(path);
        var buffer = t_buffer ??= new byte[InitialSize];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
                if (buffer.Length <= KeptSize)
                    t_buffer = buffer;
            }

            // Until a read returns nothing: a shorter read is the end on a local disk, but not on every file system.
            var read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
            if (read == 0)
                break;
            length += read;
        }

        return use(buffer.AsSpan(0, length));
    }
}

/// <summary>A function of a span (a <see cref="Func{T, TResult}"/> cannot take one).</summary>
delegate TResult ReadOnlySpanFunc<TItem, out TResult>(ReadOnlySpan<TItem> span);
