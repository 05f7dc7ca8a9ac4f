using System.Text.Json;

namespace CiMigrate.Configuration;

/// <summary>
/// Checks <c>ci-migrate.json</c> before the configuration library reads it: that library reports broken JSON with
/// no line, and merges a key written twice (the same app under <c>apps</c>) without a word, the later one winning.
/// Comments and trailing commas stay allowed, as the library allows them.
/// </summary>
public static class SettingsFileSyntax
{
    static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Throws a <see cref="UsageException"/> naming <paramref name="displayPath"/>, line and column of the first problem.</summary>
    public static void Check(string path, string displayPath)
    {
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var json = bytes.AsSpan(start);
        var reader = new Utf8JsonReader(json, Options);
        var lines = new LineCounter();
        // One entry per open object (its key path and the line of each key seen), null for an open array.
        var open = new Stack<(string Path, Dictionary<string, long> Keys)?>();
        var lastKey = "";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        open.Push((ChildPath(open, lastKey), new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)));
                        break;
                    case JsonTokenType.StartArray:
                        open.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        lastKey = reader.GetString()!;
                        var line = lines.LineOf(json, (int)reader.TokenStartIndex);
                        var (parent, keys) = open.Peek()!.Value;
                        if (keys.TryGetValue(lastKey, out var firstLine))
                        {
                            var where = parent.Length == 0 ? "at the top level" : $"in {parent}";
                            throw new UsageException(
                                $"{displayPath}:{line}: the key \"{lastKey}\" appears twice {where} (lines {firstLine} and {line}); " +
                                "keep one: the settings would silently merge them");
                        }

                        keys[lastKey] = line;
                        break;
                }
            }
        }
        catch (JsonException ex) when (ex.LineNumber is { } line)
        {
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new UsageException($"{displayPath}:{line + 1}:{column}: invalid JSON: {WithoutPosition(ex.Message)}", ex);
        }
    }

    static string ChildPath(Stack<(string Path, Dictionary<string, long> Keys)?> open, string key) =>
        open.Count == 0 ? ""
        : open.Peek() is { Path.Length: > 0 } parent ? $"{parent.Path}:{key}"
        : key;

    /// <summary>The reader's message ends with "LineNumber: 0 | BytePositionInLine: 12.", counted from zero; the
    /// error gives the position once, counted from one as editors do.</summary>
    static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    /// <summary>Counts lines forward only, so a file is scanned once however many keys it holds.</summary>
    sealed class LineCounter
    {
        int _index;
        long _line = 1;

        public long LineOf(ReadOnlySpan<byte> json, int offset)
        {
            _line += json[_index..offset].Count((byte)'\n');
            _index = offset;
            return _line;
        }
    }
}
