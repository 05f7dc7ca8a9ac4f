using CiMigrate.Diagnostics;

namespace CiMigrate.Planning;

/// <summary>
/// One risk of a plan, as a <see cref="Finding"/> whose code is the hazard kind's (<see cref="HazardCodes"/>), with the
/// object it concerns, what happens, and what to do instead.
/// </summary>
/// <param name="Kind">The kind of risk.</param>
/// <param name="Object">The object concerned: <c>money_tracker.transactions</c>, or a schema for isolation.</param>
/// <param name="Message">What happens: <c>drops column money_tracker.transactions.desc and its data</c>.</param>
public sealed record Hazard(HazardKind Kind, string Object, string Message)
    : Finding(null, 0, 0, HazardCodes.Of(Kind), HazardCodes.SeverityOf(Kind), Message, null)
{
    /// <summary>The safer way, when there is one (expand-contract, CONCURRENTLY, NOT VALID then VALIDATE, ...): the finding's help.</summary>
    public string? Advice
    {
        get => Help;
        init => Help = value;
    }

    /// <summary>For <see cref="HazardKind.Lock"/> and <see cref="HazardKind.Rewrite"/>: the lock mode, <c>ACCESS EXCLUSIVE</c>.</summary>
    public string? Lock { get; init; }

    /// <summary>The hazard at the statement that caused it; itself when none is known.</summary>
    public Hazard At(StatementRef? statement) => statement is null
        ? this
        : this with { File = statement.File, Line = statement.Line, Column = statement.Column, Excerpt = statement.Excerpt };

    public override string DocsPath => $"{DocsPages.HazardsFolder}/{Rule}.md";
}
