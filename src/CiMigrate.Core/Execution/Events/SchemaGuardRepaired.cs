namespace CiMigrate.Execution.Events;

/// <summary>
/// The schema guard's event triggers <paramref name="Triggers"/> were found disabled or changed (ALTER EVENT TRIGGER
/// ... DISABLE, an UPDATE of pg_event_trigger) and were put back before anything ran.
/// </summary>
public sealed record SchemaGuardRepaired(IReadOnlyList<string> Triggers) : ExecutionEvent;
