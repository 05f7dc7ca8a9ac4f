using System.Text.Json.Serialization;

namespace CiMigrate.Doctor;

/// <summary>Source-generated JSON for <c>doctor --format json</c>: no reflection, so trimming and AOT stay possible.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DoctorReport))]
sealed partial class DoctorJsonContext : JsonSerializerContext;
