using System.Collections.Frozen;

namespace CiMigrate.Sql;

/// <summary>
/// Upper-cases words without allocating for the words migrations are made of: a known keyword, written in
/// upper or lower case, reuses one interned string for both its text and its keyword value.
/// </summary>
static class KeywordTable
{
    static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Known = BuildLookup();

    static readonly FrozenDictionary<string, string> Lower = Known.Dictionary.Keys
        .ToFrozenDictionary(k => k, k => k.ToLowerInvariant(), StringComparer.Ordinal);

    static FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BuildLookup()
    {
        const string words =
            "ABORT ACCESS ACTION ADD AFTER ALL ALTER ALWAYS ANALYSE ANALYZE AND ANY ARRAY AS ASC ATOMIC ATTACH " +
            "AUTHORIZATION BEFORE BEGIN BETWEEN BIGINT BIGSERIAL BOOLEAN BOTH BY CALL CASCADE CASE CAST CHAR " +
            "CHARACTER CHECK CLUSTER COALESCE COLLATE COLUMN COMMENT COMMIT CONCURRENTLY CONFLICT CONSTRAINT " +
            "CONSTRAINTS COPY COST CREATE CROSS CURRENT_DATE CURRENT_TIMESTAMP CURRENT_USER DATA DATABASE DATE " +
            "DAY DEFAULT DEFAULTS DEFERRABLE DEFERRED DEFINER DELETE DESC DETACH DISABLE DISTINCT DO DOMAIN " +
            "DOUBLE DROP EACH ELSE ENABLE END ENUM EXCEPT EXECUTE EXISTS EXPLAIN EXTENSION FALSE FETCH FILTER " +
            "FIRST FOR FORCE FOREIGN FROM FULL FUNCTION FUNCTIONS GENERATED GLOBAL GRANT GROUP HAVING IDENTITY " +
            "IF IMMUTABLE IN INCLUDE INDEX INHERITS INITIALLY INNER INSERT INSTEAD INT INTEGER INTERSECT " +
            "INTERVAL INTO INVOKER IS JOIN JSON JSONB KEY LANGUAGE LAST LATERAL LEADING LEFT LEVEL LIKE LIMIT " +
            "LOCAL LOCK MATCH MATERIALIZED MERGE NEW NO NOT NOTHING NOTIFY NOW NULL NULLS NUMERIC OF OFF OFFSET " +
            "OLD ON ONLY OPTION OR ORDER OUTER OVER OWNED OWNER PARALLEL PARTITION PERMISSIVE PLPGSQL POLICY " +
            "PRECISION PRIMARY PRIVILEGES PROCEDURE PROCEDURES PUBLIC REAL REFERENCES REFERENCING REFRESH " +
            "REINDEX RELEASE RENAME REPLACE RESET RESTRICT RESTRICTIVE RETURN RETURNING RETURNS REVOKE RIGHT " +
            "ROLE ROLLBACK ROW ROWS RULE SAVEPOINT SCHEMA SECURITY SELECT SEQUENCE SEQUENCES SERIAL SESSION SET " +
            "SETOF SMALLINT SOME SQL STABLE START STATEMENT STORAGE STRICT TABLE TABLES TEMP TEMPORARY TEXT THEN " +
            "TIME TIMESTAMP TIMESTAMPTZ TO TRANSACTION TRIGGER TRUE TRUNCATE TYPE UNIQUE UNLOGGED UPDATE USAGE " +
            "USER USING UUID VACUUM VALID VALIDATE VALUES VARCHAR VIEW VOLATILE WHEN WHERE WINDOW WITH WITHOUT " +
            "ZONE SEARCH_PATH";
        return words.Split(' ')
            .ToFrozenDictionary(w => w, w => w, StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The word's text and its upper-cased keyword value.</summary>
    public static (string Text, string Keyword) Intern(ReadOnlySpan<char> word)
    {
        if (Known.TryGetValue(word, out var upper))
        {
            if (word.SequenceEqual(upper))
                return (upper, upper);
            var lower = LowerOf(upper);
            if (word.SequenceEqual(lower))
                return (lower, upper);
            return (word.ToString(), upper);
        }

        var text = word.ToString();
        return (text, text.ToUpperInvariant());
    }

    static string LowerOf(string upper) => Lower[upper];
}
