using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiMigrate.Reporting;

/// <summary>Durations in JSON as whole milliseconds: <c>"duration": 12</c> reads better than <c>"00:00:00.0120000"</c>.</summary>
sealed class MillisecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromMilliseconds(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((long)Math.Round(value.TotalMilliseconds));
}
