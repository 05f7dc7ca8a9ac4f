using System.Text.Json;
using System.Text.Json.Serialization;
using CiMigrate.Execution;

namespace CiMigrate.Reporting;

/// <summary>A refusal's code in JSON as its stable string (<c>"code": "not-promoted"</c>); the exit code is the process's own.</summary>
sealed class RefusalCodeConverter : JsonConverter<RefusalCode>
{
    public override RefusalCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } id && RefusalCodes.All.FirstOrDefault(c => c.Id == id) is { } code
            ? code
            : throw new JsonException($"'{reader.GetString()}' is not a refusal code.");

    public override void Write(Utf8JsonWriter writer, RefusalCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Id);
}
