using CiMigrate.Diagnostics;

namespace CiMigrate.Execution.Events;

/// <summary>
/// An event that stops the run: a failing migration (<see cref="MigrationFailed"/>), a failed run
/// (<see cref="RunFailed"/>) or a refusal (<see cref="RunRefused"/>). What stopped it is a <see cref="Diagnostics.Finding"/>,
/// as lint's findings and the plan's hazards are, so every format renders it as it renders those; the event keeps
/// only what is its own.
/// </summary>
public abstract record RunStop(RunFinding Finding) : ExecutionEvent;
