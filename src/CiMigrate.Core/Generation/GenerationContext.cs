using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;

namespace CiMigrate.Generation;

/// <summary>
/// The two states a generation goes between: what the migrations give (<see cref="Current"/>) and what the files
/// declare (<see cref="Desired"/>), with the app's schema. Emitters ask it whether a table is new or going away, and
/// report what they cannot express to it.
/// </summary>
public sealed class GenerationContext(string schema, CatalogSnapshot current, CatalogSnapshot desired)
{
    readonly List<string> _problems = [];

    public string Schema { get; } = schema;

    public CatalogSnapshot Current { get; } = current;

    public CatalogSnapshot Desired { get; } = desired;

    /// <summary>What cannot be generated, each naming the object and why.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public bool IsNewTable(string schema, string table) => Desired.HasTable(schema, table) && !Current.HasTable(schema, table);

    public bool IsDroppedTable(string schema, string table) => Current.HasTable(schema, table) && !Desired.HasTable(schema, table);

    /// <summary>The table exists before and after: changes to it must not lock it longer than they have to.</summary>
    public bool IsExistingTable(string schema, string table) => Current.HasTable(schema, table) && Desired.HasTable(schema, table);

    /// <summary>
    /// REVOKEs for a new object of what the schema's default privileges (<c>ALTER DEFAULT PRIVILEGES ... IN SCHEMA</c>, as
    /// the migrations leave them: Supabase's grant new tables, sequences and functions in public to anon and authenticated)
    /// give it and the declaration does not: a revoke of what a role does not have changes nothing, so all are revoked.
    /// </summary>
    /// <param name="created">The new table, sequence or function.</param>
    /// <param name="objects">What the default privileges name it: TABLES, SEQUENCES, FUNCTIONS.</param>
    /// <param name="target">The object as GRANT names it: <c>TABLE s.t</c>, <c>ROUTINE s.f()</c>.</param>
    public string? RevokeUndeclaredDefaults(CatalogObject created, string objects, string target)
    {
        var declared = Desired.Objects.Where(g => g.Kind == ObjectKind.Grant && g.Schema == created.Schema && g.Parent == created.Name)
            .Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var revokes = Current.Objects
            .Where(d => d.Kind == ObjectKind.DefaultPrivilege && d.Schema == created.Schema && d["on"] == objects && !declared.Contains(d["grantee"]!))
            .Select(d => d["grantee"]!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(g => $"REVOKE ALL ON {target} FROM {(g == "PUBLIC" ? g : Ddl.Ident(g))};");
        return Ddl.Lines(revokes) is { Length: > 0 } lines ? lines : null;
    }

    public void CannotGenerate(CatalogObject o, string why) =>
        _problems.Add($"{o.Kind.ToString().ToLowerInvariant()} {o.QualifiedName}: {why}");

    /// <summary>
    /// A statement on another schema than the app's (its trigger on auth.users) carries the allowance that says why,
    /// which lint's foreign-schema rule and the executor's schema guard both read.
    /// </summary>
    public string OnSchema(string schema, string statement) => schema == Schema
        ? statement
        : $"-- {SchemaAllowance.Directive} {schema} the app's own object there, declared in its schema files\n{statement}";
}
