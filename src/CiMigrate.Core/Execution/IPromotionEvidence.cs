using CiMigrate.Configuration;
using CiMigrate.Migrations;

namespace CiMigrate.Execution;

/// <summary>
/// <c>requires: staging</c>: evidence that migrations about to be applied passed through the required environment
/// with the same content. The required environment's ledger is one kind of evidence; another plugs in here.
/// </summary>
public interface IPromotionEvidence
{
    /// <summary>The environment every migration must pass through first.</summary>
    string Required { get; }

    /// <summary>One line per migration of <paramref name="pending"/> without evidence (why); empty when all have it.</summary>
    Task<IReadOnlyList<string>> MissingAsync(AppSettings app, IReadOnlyList<Migration> pending, CancellationToken cancellationToken);
}
