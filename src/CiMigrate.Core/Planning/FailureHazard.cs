using CiMigrate.Execution;
using CiMigrate.Execution.Events;

namespace CiMigrate.Planning;

/// <summary>
/// The hazard of a run through the executor (the shadow replay, the dry run on the target) that did not get through:
/// its failing statement at file:line:col, its refusal, or its lost connection, as the plan shows it.
/// </summary>
static class FailureHazard
{
    /// <summary>The hazard of <paramref name="outcome"/>; null when it succeeded.</summary>
    /// <param name="outcome">What the run did.</param>
    /// <param name="kind"><see cref="HazardKind.FailsOnShadow"/> or <see cref="HazardKind.FailsOnTarget"/>.</param>
    /// <param name="schema">The app's schema, the object the hazard concerns.</param>
    /// <param name="fails">What a failing file does, after its name: <c>fails on staging (rolled back, nothing changed)</c>.</param>
    /// <param name="advice">What to do about it.</param>
    public static Hazard? Of(ExecutionOutcome outcome, HazardKind kind, string schema, string fails, string advice) =>
        outcome.Events.OfType<RunStop>().FirstOrDefault() is { Finding: var stop } stopped
            ? new Hazard(kind, schema, stopped is MigrationFailed
                ? $"{stop.File} {fails}: {stop.Message}{(stop.Help is { Length: > 0 } hint ? $" Hint: {hint}" : "")}"
                : stop.Message)
            {
                // PostgreSQL's hint is part of the failure's message; a refusal's help says what to do instead.
                Advice = stopped is RunRefused ? stop.Help ?? advice : advice,
                File = stop.File,
                Line = stop.Line,
                Column = stop.Column,
            }
            : null;
}
