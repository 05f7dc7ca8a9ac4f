namespace CiMigrate.Planning.Catalog;

/// <summary>The name-based identity of a catalog object, which two databases share.</summary>
public readonly record struct ObjectKey(ObjectKind Kind, string Schema, string? Parent, string Name)
{
    /// <summary><c>money_tracker.budgets</c>, <c>money_tracker.budgets.amount</c>, <c>anon on money_tracker.budgets</c>,
    /// <c>for role postgres on tables to anon in schema money_tracker</c>.</summary>
    public string QualifiedName => Kind switch
    {
        ObjectKind.Grant => $"{Name} on {Schema}{(Parent is null || Parent == Schema ? "" : "." + Parent)}",
        ObjectKind.DefaultPrivilege => $"{Name} in schema {Schema}",
        _ => Parent is null ? $"{Schema}.{Name}" : $"{Schema}.{Parent}.{Name}",
    };
}
