namespace CiMigrate.Reporting;

/// <summary>An expand-contract change still open on a target (its contract not applied), for <c>status</c>.</summary>
/// <param name="ExpandVersion">The expand migration.</param>
/// <param name="ContractVersion">Its contract migration; null when none is written yet.</param>
/// <param name="ExpandedAt">When the expand was applied here; null when it is not.</param>
/// <param name="ContractOpensAt">From when the contract may run here (<c>contractAfter</c> after the expand).</param>
/// <param name="MayContractNow">Whether prod-apply would run the contract now.</param>
public sealed record OpenExpandContract(string ExpandVersion, string? ContractVersion, DateTimeOffset? ExpandedAt,
    DateTimeOffset? ContractOpensAt, bool MayContractNow);
