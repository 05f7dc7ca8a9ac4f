using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// Enum values. Values added (the old ones keep their order) are <c>ALTER TYPE ... ADD VALUE</c> in a file of their
/// own: PostgreSQL will not use a new value in the transaction that added it. Values removed or reordered, and the
/// down file of added ones, rebuild the type: rename it, create it anew, move each column over, drop the old one.
/// </summary>
public static class EnumDdl
{
    public static IEnumerable<DdlStep> Of(CatalogObject before, CatalogObject after, GenerationContext context)
    {
        var (old, now) = (Values(before), Values(after));
        var rebuildBack = Rebuild(before, old, context.Desired);
        if (IsSubsequence(old, now))
        {
            var statements = new List<string>();
            for (var i = 0; i < now.Count; i++)
            {
                if (old.Contains(now[i]))
                    continue;
                var place = i + 1 < now.Count && old.Contains(now[i + 1]) ? $" BEFORE {Ddl.Literal(now[i + 1])}"
                    : i > 0 ? $" AFTER {Ddl.Literal(now[i - 1])}" : "";
                statements.Add($"ALTER TYPE {Ddl.Qualified(after.Schema, after.Name)} ADD VALUE IF NOT EXISTS {Ddl.Literal(now[i])}{place};");
            }

            yield return new DdlStep(GeneratedPart.EnumValues, DdlPhase.CreateType, Ddl.Lines(statements), rebuildBack);
            yield break;
        }

        yield return DdlStep.InMain(DdlPhase.CreateType,
            $"-- BREAKING CHANGE: enum {after.QualifiedName} loses or reorders values ({before["values"]} → {after["values"]}).\n" +
            Rebuild(after, now, context.Current), rebuildBack);
    }

    public static string Create(CatalogObject type, IReadOnlyList<string> values) =>
        TypeDdl.Guarded(type, $"CREATE TYPE {Ddl.Qualified(type.Schema, type.Name)} AS ENUM ({string.Join(", ", values.Select(Ddl.Literal))});");

    /// <summary>Rebuilds the type with <paramref name="values"/>, moving the columns <paramref name="columns"/> has of it.</summary>
    static string Rebuild(CatalogObject type, IReadOnlyList<string> values, CatalogSnapshot columns)
    {
        var name = Ddl.Qualified(type.Schema, type.Name);
        var old = $"{type.Name}_ci_migrate_old";
        var statements = new List<string> { $"ALTER TYPE {name} RENAME TO {Ddl.Ident(old)};", Create(type, values) };
        foreach (var column in columns.Objects.Where(c => c.Kind == ObjectKind.Column && c["type"] is { } t && (t == name || t == name + "[]")))
        {
            var alter = $"ALTER TABLE {Ddl.TableOf(column)} ALTER COLUMN {Ddl.Ident(column.Name)}";
            var array = column["type"]!.EndsWith("[]", StringComparison.Ordinal) ? "[]" : "";
            if (column["default"] is not null)
                statements.Add($"{alter} DROP DEFAULT;");
            statements.Add($"-- ci-migrate:ignore changing-column-type the enum is rebuilt; each row keeps its value\n" +
                $"{alter} TYPE {name}{array} USING {Ddl.Ident(column.Name)}::text{array}::{name}{array};");
            if (column["default"] is { } value)
                statements.Add($"{alter} SET DEFAULT {value};");
        }

        statements.Add($"DROP TYPE IF EXISTS {Ddl.Qualified(type.Schema, old)};");
        return Ddl.Lines(statements);
    }

    static bool IsSubsequence(List<string> old, List<string> now)
    {
        var at = 0;
        foreach (var value in now)
        {
            if (at < old.Count && old[at] == value)
                at++;
        }

        return at == old.Count && old.All(now.Contains);
    }

    /// <summary>The labels of the catalog's <c>'a', 'b'</c> list (quote_literal's quoting undone).</summary>
    public static List<string> Values(CatalogObject type)
    {
        var text = type["values"] ?? "";
        var values = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var escaped = text[i] == 'E';
            i += escaped ? 2 : 1;
            var value = new System.Text.StringBuilder();
            while (i < text.Length)
            {
                if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    (value, i) = (value.Append('\''), i + 2);
                else if (escaped && text[i] == '\\' && i + 1 < text.Length)
                    (value, i) = (value.Append(text[i + 1]), i + 2);
                else if (text[i] == '\'')
                    break;
                else
                    (value, i) = (value.Append(text[i]), i + 1);
            }

            values.Add(value.ToString());
            i += 3;
        }

        return values;
    }
}
