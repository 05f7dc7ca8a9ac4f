namespace CiMigrate.GitHub;

/// <summary>A reviewer's approval of a deployment environment for the running workflow run; the ledger records <see cref="Approver"/>.</summary>
public sealed record RunApproval(string Environment, string Approver, string? Comment);
