using CiMigrate.Execution.Events;

namespace CiMigrate.Execution;

/// <summary>
/// Collects the events of one run in order and passes each to an observer as it happens, so a task can show
/// progress of a long migration while the outcome still holds the whole story.
/// </summary>
public sealed class ExecutionLog(Action<ExecutionEvent>? observer = null)
{
    readonly List<ExecutionEvent> _events = [];

    public IReadOnlyList<ExecutionEvent> Events => _events;

    public void Add(ExecutionEvent executionEvent)
    {
        _events.Add(executionEvent);
        observer?.Invoke(executionEvent);
    }
}
