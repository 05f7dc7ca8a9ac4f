using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.Hosting;

namespace CiMigrate.Generation;

/// <summary>
/// The generator cannot go on from a replay that failed: the history, a generated file or a down file that does not
/// run on the shadow is an error naming file:line:col and PostgreSQL's message.
/// </summary>
static class ShadowReplay
{
    public static void Check(ExecutionOutcome outcome, string what)
    {
        if (outcome.Succeeded)
            return;
        var reason = outcome.Events.OfType<MigrationFailed>().FirstOrDefault() is { Finding: var failure }
            ? $"{failure.File}:{failure.Line}:{failure.Column}: {failure.Message}{(failure.Help is { Length: > 0 } hint ? $" Hint: {hint}" : "")}"
            : outcome.Events.OfType<RunRefused>().FirstOrDefault() is { } refused
                ? refused.Finding.Message
                : outcome.Events.OfType<RunFailed>().FirstOrDefault()?.Finding.Message;
        throw new ExecutionException($"{what} fails on the shadow database, so nothing was written: {reason}");
    }
}
