namespace CiMigrate.Kubernetes;

/// <summary>A port-forward tunnel that broke: why, and whether it had been opened at all (RBAC, pod gone) or closed later.</summary>
public sealed record TunnelLoss(string Reason, bool Opened);
