using System.Text.Json.Serialization;

namespace CiMigrate.Reporting;

/// <summary>Source-generated serialization of the inspect report: no reflection, trimming-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<InspectFile>))]
sealed partial class InspectJsonContext : JsonSerializerContext;
