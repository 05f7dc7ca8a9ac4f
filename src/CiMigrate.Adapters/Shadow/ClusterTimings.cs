namespace CiMigrate.Shadow;

/// <summary>How long a <see cref="ThrowawayCluster"/> took to come up: initdb, server start, Supabase template.</summary>
public sealed record ClusterTimings(TimeSpan InitDb, TimeSpan Start, TimeSpan SupabaseTemplate);
