using CiMigrate.Sql;

namespace CiMigrate.Tests.Sql;

/// <summary>One decision for lint (types as files write them) and the planner (types as format_type prints them).</summary>
public sealed class ColumnTypeChangeTests
{
    [TestCase("character varying(10)", "character varying(20)", TypeChangeEffect.None)]
    [TestCase("character varying(10)", "text", TypeChangeEffect.None)]
    [TestCase("text", "character varying(10)", TypeChangeEffect.Narrowing)]
    [TestCase("character varying(20)", "character varying(10)", TypeChangeEffect.Narrowing)]
    [TestCase("numeric(12,2)", "numeric(14,2)", TypeChangeEffect.None)]
    [TestCase("numeric(12,2)", "numeric", TypeChangeEffect.None)]
    [TestCase("numeric(12,2)", "numeric(12,1)", TypeChangeEffect.Narrowing)]
    [TestCase("numeric(12,2)", "numeric(14,4)", TypeChangeEffect.Rewrite)]
    [TestCase("integer", "bigint", TypeChangeEffect.Rewrite)]
    [TestCase("bigint", "integer", TypeChangeEffect.Narrowing)]
    [TestCase("real", "double precision", TypeChangeEffect.Rewrite)]
    [TestCase("double precision", "real", TypeChangeEffect.Narrowing)]
    [TestCase("integer", "text", TypeChangeEffect.Rewrite)]
    [TestCase("text", "integer", TypeChangeEffect.Narrowing)]
    [TestCase("timestamp without time zone", "timestamp with time zone", TypeChangeEffect.Rewrite)]
    [TestCase("timestamp(3) with time zone", "timestamp(6) with time zone", TypeChangeEffect.None)]
    [TestCase("text[]", "text", TypeChangeEffect.Narrowing)]
    public void Type_change_is_classified(string before, string after, TypeChangeEffect expected) =>
        Assert.That(ColumnTypeChange.Classify(before, after), Is.EqualTo(expected));

    [TestCase("varchar(50)", "varchar(100)", true)]
    [TestCase("character varying(50)", "text", true)]
    [TestCase("VARCHAR (50)", "character varying", true)]
    [TestCase("varchar(100)", "varchar(50)", false)]
    [TestCase("text", "varchar", true)]
    [TestCase("text", "varchar(10)", false)]
    [TestCase("numeric(10,2)", "numeric(12, 2)", true)]
    [TestCase("numeric(10,2)", "numeric(12,3)", false)]
    [TestCase("decimal(10)", "numeric", true)]
    [TestCase("int", "integer", true)]
    [TestCase("integer", "bigint", false)]
    [TestCase("timestamp(3)", "timestamp(6)", true)]
    [TestCase("timestamp", "timestamptz", false)]
    [TestCase("cidr", "inet", true)]
    [TestCase("varbit(8)", "bit varying(16)", true)]
    public void Safe_changes_are_only_the_binary_compatible_widenings(string from, string to, bool safe) =>
        Assert.That(ColumnTypeChange.Classify(from, to) == TypeChangeEffect.None, Is.EqualTo(safe));

    [TestCase("VARCHAR (50)", "character varying(50)")]
    [TestCase("timestamptz(3)", "timestamp(3) with time zone")]
    [TestCase("timestamp(3) with time zone", "timestamp(3) with time zone")]
    [TestCase("int4[]", "integer[]")]
    [TestCase("pg_catalog.numeric (10, 2)", "numeric(10,2)")]
    [TestCase("character varying(10)[]", "character varying(10)[]")]
    public void A_type_as_written_gets_the_spelling_PostgreSQL_prints(string written, string canonical) =>
        Assert.That(ColumnTypes.Canonical(written), Is.EqualTo(canonical));
}
