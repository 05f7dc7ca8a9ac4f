namespace CiMigrate.Planning;

/// <summary>One app's pending count and plan hash, for <c>diff --all-apps</c> (a workflow matrix).</summary>
public sealed record AppPending(string App, string Schema, int Pending, string PlanHash);
