namespace CiMigrate.Execution.Events;

/// <summary>A role lacks privileges on a table or sequence of the app's schema: <c>anon</c> lacks SELECT on <c>budgets</c>.</summary>
public sealed record MissingGrant(string Object, string ObjectKind, string Role, IReadOnlyList<string> Privileges);
