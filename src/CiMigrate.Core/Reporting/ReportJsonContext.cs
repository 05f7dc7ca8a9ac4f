using System.Text.Json.Serialization;

namespace CiMigrate.Reporting;

/// <summary>Source-generated JSON for the execution and status reports: no reflection, so trimming and AOT stay possible.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(MillisecondsConverter), typeof(RefusalCodeConverter), typeof(RunFindingConverter)])]
[JsonSerializable(typeof(ExecutionReport))]
[JsonSerializable(typeof(StatusReport))]
sealed partial class ReportJsonContext : JsonSerializerContext;
