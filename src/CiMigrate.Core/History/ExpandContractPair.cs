namespace CiMigrate.History;

/// <summary>
/// One expand-contract change on a target: the expand migration, its contract migration when one is written, what the
/// ledger says of each, and from when the contract may run (<c>contractAfter</c> after the expand was applied).
/// </summary>
public sealed record ExpandContractPair(
    string ExpandVersion,
    string? ExpandFile,
    DateTimeOffset? ExpandedAt,
    string? ContractVersion,
    string? ContractFile,
    bool Contracted,
    DateTimeOffset? ContractOpensAt)
{
    /// <summary>The old shape is still there: the contract is not applied.</summary>
    public bool IsOpen => !Contracted;

    /// <summary>Whether the contract may run at <paramref name="now"/>: the expand is applied and has waited long enough.</summary>
    public bool MayContract(DateTimeOffset now) => ContractOpensAt is { } opens && now >= opens;
}
