namespace CiMigrate.Planning;

/// <summary>
/// One risk of a plan, with the object it concerns, what happens, and what to do instead.
/// </summary>
/// <param name="Kind">The kind of risk.</param>
/// <param name="Object">The object concerned: <c>money_tracker.transactions</c>, or a schema for isolation.</param>
/// <param name="Message">What happens: <c>drops column money_tracker.transactions.desc and its data</c>.</param>
public sealed record Hazard(HazardKind Kind, string Object, string Message)
{
    /// <summary>The safer way, when there is one (expand-contract, CONCURRENTLY, NOT VALID then VALIDATE, ...).</summary>
    public string? Advice { get; init; }

    /// <summary>For <see cref="HazardKind.Lock"/> and <see cref="HazardKind.Rewrite"/>: the lock mode, <c>ACCESS EXCLUSIVE</c>.</summary>
    public string? Lock { get; init; }

    /// <summary>Where the statement that causes it is, when known: <c>supabase/migrations/2025..._x.sql</c>.</summary>
    public string? File { get; init; }

    public int? Line { get; init; }

    public int? Column { get; init; }
}
