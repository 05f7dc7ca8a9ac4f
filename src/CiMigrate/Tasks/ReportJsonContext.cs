using System.Text.Json.Serialization;

namespace CiMigrate.Tasks;

/// <summary>Source-generated JSON for the execution and status reports: no reflection, so trimming and AOT stay possible.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(MillisecondsConverter)])]
[JsonSerializable(typeof(ExecutionReport))]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(Doctor.DoctorReport))]
sealed partial class ReportJsonContext : JsonSerializerContext;
