using System.Text.Json;
using System.Text.Json.Serialization;
using CiMigrate.Execution;

namespace CiMigrate.Reporting;

/// <summary>
/// What stopped a run, in JSON with the fields of every finding (<see cref="FindingJson"/>): <c>file</c>, <c>line</c>,
/// <c>column</c>, <c>rule</c>, <c>severity</c>, <c>message</c>, <c>help</c>, <c>docs</c>.
/// </summary>
sealed class RunFindingConverter : JsonConverter<RunFinding>
{
    public override RunFinding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var finding = document.RootElement;
        return new RunFinding(Text(finding, "file"), Number(finding, "line"), Number(finding, "column"),
            Text(finding, "rule") ?? throw new JsonException("A finding needs its rule."),
            Text(finding, "message") ?? throw new JsonException("A finding needs its message."), Text(finding, "help"));
    }

    public override void Write(Utf8JsonWriter writer, RunFinding value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        FindingJson.WriteFields(writer, value);
        writer.WriteEndObject();
    }

    static string? Text(JsonElement finding, string name) =>
        finding.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static int Number(JsonElement finding, string name) =>
        finding.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
