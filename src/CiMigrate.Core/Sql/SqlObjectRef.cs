namespace CiMigrate.Sql;

/// <summary>
/// An object a statement names: <c>money_tracker.budgets</c> schema-qualified when written so, unquoted parts
/// lower-cased, quoted parts without their quotes and with their case kept.
/// </summary>
public sealed record SqlObjectRef(string Name, SqlObjectRole Role)
{
    public override string ToString() => Name;
}
