namespace CiMigrate.Tests.Kubernetes.Support;

/// <summary>A request the fake API server received, as the tests check it.</summary>
sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, string Body, string? Authorization);
