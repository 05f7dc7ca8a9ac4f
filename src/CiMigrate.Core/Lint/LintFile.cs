using CiMigrate.Migrations;
using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary>A file being linted: its text and statements, whether it is a down file, and its app's schema.</summary>
public sealed class LintFile
{
    SqlScript? _script;
    HashSet<string>? _createdTables;

    public LintFile(string path, string displayPath, string text, LintFileRole role, string? schema,
        MigrationsFolder? folder)
    {
        Path = path;
        DisplayPath = displayPath;
        Text = text;
        Role = role;
        Schema = schema;
        Folder = folder;
    }

    /// <summary>Absolute path.</summary>
    public string Path { get; }

    /// <summary>The path users see: relative to the repository root where possible.</summary>
    public string DisplayPath { get; }

    public string Text { get; }

    public LintFileRole Role { get; }

    /// <summary>The schema the app owns, when known (settings, <c>--schema</c>, or the folder's files).</summary>
    public string? Schema { get; }

    /// <summary>The migrations folder the file sits in (or in whose <c>down/</c>), if any.</summary>
    public MigrationsFolder? Folder { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The statements; throws <see cref="SqlSyntaxException"/> for a file PostgreSQL could not read either.</summary>
    public SqlScript Script => _script ??= SqlScript.Parse(Text, DisplayPath);

    public IReadOnlyList<SqlStatement> Statements => Script.Statements;

    /// <summary>
    /// The schema the file may change: the app's, else the file's own <c>SET search_path</c> header; null when
    /// neither says (never the first object a statement names).
    /// </summary>
    public string? OwnSchema => Schema ?? HeaderSchema;

    /// <summary>The first schema of the file's leading <c>SET search_path</c>, if it starts with one.</summary>
    public string? HeaderSchema => Header is { Kind: StatementKind.SetSearchPath, Objects: [var schema, ..] } ? schema : null;

    /// <summary>
    /// The schema an unqualified name lands in: the own schema, else <c>public</c>, where PostgreSQL's default
    /// <c>search_path</c> (<c>"$user", public</c>) creates it.
    /// </summary>
    public string NameSchema => OwnSchema ?? "public";

    /// <summary>The first statement that is not transaction control: where the runbook wants the header.</summary>
    public SqlStatement? Header => Statements.FirstOrDefault(s => s.Kind != StatementKind.TransactionControl);

    /// <summary>Tables created in this file (names without the own schema), so lock rules can leave them alone.</summary>
    public bool CreatesTable(string? table) =>
        table is not null && (_createdTables ??= [.. Statements
            .Where(s => s.Kind is StatementKind.CreateTable or StatementKind.CreateTableAs && s.Target is not null)
            .Select(s => Unqualified(s.Target!))]).Contains(Unqualified(table));

    /// <summary>The CREATE TABLE statements of the file, temporary tables left out, with the table they create.</summary>
    public IEnumerable<(SqlStatement Create, string Table)> NewTables() =>
        Statements
            .Where(s => s.Kind is StatementKind.CreateTable or StatementKind.CreateTableAs && s.Target is not null && !s.IsTemporary)
            .Select(s => (s, s.Target!));

    /// <summary>
    /// Every ALTER TABLE action on a table this file does not create: what the lock rules look at (a table
    /// created in the same file is empty and unseen, so its ALTERs lock nobody).
    /// </summary>
    public IEnumerable<(SqlStatement Statement, AlterTableAction Action)> ActionsOnExistingTables() =>
        Statements
            .Where(s => s.AlterActions.Count > 0 && !CreatesTable(s.Target))
            .SelectMany(s => s.AlterActions.Select(action => (s, action)));

    /// <summary>A table name as the file's unqualified names see it: <c>money_tracker.budgets</c> and <c>budgets</c> are one.</summary>
    public string Unqualified(string name)
    {
        var prefix = SqlNames.Part(NameSchema) + ".";
        return name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
    }

    /// <summary>Whether two names written in this file are the same object (schema-qualified or not).</summary>
    public bool SameObject(string? a, string? b) => a is not null && b is not null && Unqualified(a) == Unqualified(b);

    public static LintFile Read(string path, string displayPath, LintFileRole role, string? schema, MigrationsFolder? folder) =>
        new(path, displayPath, MigrationText.Decode(File.ReadAllBytes(path), displayPath), role, schema, folder);
}
