namespace CiMigrate.Sql;

/// <summary>The part an object plays in a statement.</summary>
public enum SqlObjectRole
{
    /// <summary>
    /// What the statement creates, changes, drops, grants on or writes to: the table of CREATE TABLE, the index of
    /// CREATE INDEX, the policy of CREATE POLICY, the schemas of SET search_path.
    /// </summary>
    Target,

    /// <summary>The table an index, policy or trigger is on, or a column comment belongs to.</summary>
    Table,
}
