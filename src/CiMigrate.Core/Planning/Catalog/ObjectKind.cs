namespace CiMigrate.Planning.Catalog;

/// <summary>The kinds of schema objects a <see cref="CatalogSnapshot"/> holds.</summary>
public enum ObjectKind
{
    Schema,
    Extension,
    Table,
    Column,
    Constraint,
    Index,
    Policy,
    Trigger,
    Grant,
    View,
    Function,
    Sequence,
    Type,
}
