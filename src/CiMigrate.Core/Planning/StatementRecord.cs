namespace CiMigrate.Planning;

/// <summary>
/// One catalog change an event trigger saw on the shadow, and the statement that made it (<see cref="StatementRecorder"/>).
/// </summary>
/// <param name="Version">The migration whose statement ran.</param>
/// <param name="Index">The statement's index among those the file runs (<c>SqlScript.StatementsToRun</c>).</param>
/// <param name="Tag">The command tag (<c>ALTER TABLE</c>, <c>GRANT</c>), or <c>DROP</c> for an object dropped.</param>
/// <param name="ObjectId">The object's oid; null when PostgreSQL does not say (GRANT, REVOKE).</param>
/// <param name="SubId">The column's number for a column, else 0.</param>
public sealed record StatementRecord(string Version, int Index, string Tag, uint? ObjectId, int SubId);
