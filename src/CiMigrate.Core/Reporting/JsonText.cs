using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CiMigrate.Reporting;

/// <summary>
/// Indented JSON written by hand with <see cref="Utf8JsonWriter"/>, for the renderers whose shape is documented
/// field by field. Non-ASCII text (file names, messages) stays readable instead of \u-escaped.
/// </summary>
static class JsonText
{
    static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
