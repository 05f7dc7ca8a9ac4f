using CiMigrate.Lint;

namespace CiMigrate.Tests.Lint;

sealed class ColumnTypesTests
{
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
    public void Safe_changes_are_only_the_binary_compatible_widenings(string from, string to, bool safe) =>
        Assert.That(ColumnTypes.IsSafeChange(from, to), Is.EqualTo(safe));
}
