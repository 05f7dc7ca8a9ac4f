using CiMigrate.Planning;

namespace CiMigrate.Tests.Planning;

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
    [TestCase("text[]", "text", TypeChangeEffect.Narrowing)]
    public void Type_change_is_classified(string before, string after, TypeChangeEffect expected) =>
        Assert.That(ColumnTypeChange.Classify(before, after), Is.EqualTo(expected));
}
