using System.Text.Json.Serialization;
using CiMigrate.Copying;

namespace CiMigrate.Reporting;

/// <summary>Source-generated serialization of a <c>copy-schema</c> outcome: no reflection, trimming-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(CopyOutcome))]
sealed partial class CopyJsonContext : JsonSerializerContext;
