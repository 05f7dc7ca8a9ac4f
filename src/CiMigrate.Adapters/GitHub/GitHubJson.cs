using System.Text.Json.Serialization;

namespace CiMigrate.GitHub;

/// <summary>Source-generated JSON, so serialising outputs needs no reflection (trimming and start-up stay cheap).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
sealed partial class GitHubJson : JsonSerializerContext;
