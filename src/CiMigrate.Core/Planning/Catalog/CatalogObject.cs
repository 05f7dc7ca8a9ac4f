namespace CiMigrate.Planning.Catalog;

/// <summary>
/// One object of the catalog as PostgreSQL describes it: <c>column amount of table money_tracker.budgets</c> with
/// its attributes (<c>type: numeric(12,2)</c>, <c>nullable: not null</c>, ...). Attributes are the text PostgreSQL
/// prints (format_type, pg_get_constraintdef, pg_get_indexdef, pg_get_expr), so two snapshots compare as text.
/// </summary>
/// <param name="Kind">What the object is.</param>
/// <param name="Schema">The schema it lives in.</param>
/// <param name="Parent">The object it belongs to: the table of a column, constraint, index, policy or trigger;
/// the table, view, sequence, function or schema a grant is on; the table owning a sequence. Null otherwise.</param>
/// <param name="ParentKind">The kind of <paramref name="Parent"/>.</param>
/// <param name="Name">The name; a function's includes its argument types: <c>touch()</c>. A grant's is the grantee.</param>
/// <param name="Identity">What identifies the object inside one database across renames (its oid): lets a
/// comparison of two snapshots of the same database tell a rename from a drop and a create. Never compared
/// across databases.</param>
/// <param name="Attributes">Name and value, in a fixed order; a null value means "not set".</param>
public sealed record CatalogObject(
    ObjectKind Kind,
    string Schema,
    string? Parent,
    ObjectKind? ParentKind,
    string Name,
    string? Identity,
    IReadOnlyList<KeyValuePair<string, string?>> Attributes)
{
    /// <summary>What identifies the object by name: kind, schema, parent and name.</summary>
    public ObjectKey Key => new(Kind, Schema, Parent, Name);

    public string? this[string attribute] =>
        Attributes.FirstOrDefault(a => a.Key == attribute).Value;

    /// <summary><c>money_tracker.budgets</c>; for an object of a table, <c>money_tracker.budgets.amount</c>.</summary>
    public string QualifiedName => Key.QualifiedName;
}
