using CiMigrate.Execution.Events;

namespace CiMigrate.Copying;

/// <summary>What a copy did: the plan, how it ended, and per table what moved and the proof that it arrived whole.</summary>
public sealed record CopyOutcome(CopyPlan Plan, CopyStatus Status)
{
    /// <summary>Why it was refused or failed, saying what to do next.</summary>
    public string? Message { get; init; }

    /// <summary>The table that failed or whose proof differed (the first; <see cref="Proofs"/> has them all).</summary>
    public string? Table { get; init; }

    public IReadOnlyList<TableCopyResult> Copied { get; init; } = [];
    public IReadOnlyList<TableProof> Proofs { get; init; } = [];
    public TimeSpan Duration { get; init; }

    /// <summary>What ran after the commit, as after an apply: PostgREST's reload, the grant check, a PostgREST restart.</summary>
    public IReadOnlyList<ExecutionEvent> AfterCommit { get; init; } = [];
}
