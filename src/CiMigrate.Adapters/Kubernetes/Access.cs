namespace CiMigrate.Kubernetes;

/// <summary>One thing ci-migrate does through the API server, as RBAC sees it: verb, resource, name, namespace.</summary>
public sealed record Access(string Verb, string Resource, string? Name, string Namespace)
{
    /// <summary>Reads like kubectl's own errors: <c>get secrets "supabase-db" in namespace supabase</c>.</summary>
    public override string ToString() =>
        Name is null ? $"{Verb} {Resource} in namespace {Namespace}" : $"{Verb} {Resource} \"{Name}\" in namespace {Namespace}";
}
