using System.CommandLine;

namespace CiMigrate.Tasks;

/// <summary>The options of <c>new --expand</c>: which expand-contract operation, and the column's type when the migrations cannot tell.</summary>
sealed class ExpandOptions
{
    public Option<string[]> Operation { get; } = new("--expand")
    {
        Description = "Write an expand-contract pair instead: rename-column <table>.<old> <new>",
        HelpName = "rename-column <table>.<old> <new>",
        Arity = new ArgumentArity(3, 3),
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> Type { get; } = new("--type")
    {
        Description = "With --expand: the column's type, when the migrations do not declare it plainly",
    };

    public IReadOnlyList<Option> All => [Operation, Type];
}
