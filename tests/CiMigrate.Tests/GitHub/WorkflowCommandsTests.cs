using CiMigrate.GitHub;

namespace CiMigrate.Tests.GitHub;

public sealed class WorkflowCommandsTests
{
    [Test]
    public void Lint_finding_becomes_an_error_annotation_on_its_line()
    {
        var annotation = new Annotation(AnnotationLevel.Error, "Adding a NOT NULL column without a default rewrites the table")
        {
            File = "supabase/migrations/20250208000004_add.sql",
            Line = 12,
            Column = 5,
            Title = "not-null-without-default",
        };

        Assert.That(WorkflowCommands.Annotate(annotation), Is.EqualTo(
            "::error file=supabase/migrations/20250208000004_add.sql,line=12,col=5,title=not-null-without-default::" +
            "Adding a NOT NULL column without a default rewrites the table"));
    }

    [Test]
    public void Properties_escape_colon_comma_percent_and_newlines_and_the_message_keeps_colons()
    {
        var annotation = new Annotation(AnnotationLevel.Warning, "50% done: line one\r\nline two, end")
        {
            File = "dir,name:x.sql",
            Title = "a: b, 100%\nnext",
            Line = 1,
            EndLine = 2,
            EndColumn = 3,
        };

        Assert.That(WorkflowCommands.Annotate(annotation), Is.EqualTo(
            "::warning file=dir%2Cname%3Ax.sql,line=1,endLine=2,endColumn=3,title=a%3A b%2C 100%25%0Anext::" +
            "50%25 done: line one%0D%0Aline two, end"));
    }

    [Test]
    public void Plain_commands_are_formatted_as_the_runner_expects()
    {
        Assert.That(WorkflowCommands.AddMask("p%ss\nword"), Is.EqualTo("::add-mask::p%25ss%0Aword"));
        Assert.That(WorkflowCommands.Notice("plan in summary"), Is.EqualTo("::notice::plan in summary"));
        Assert.That(WorkflowCommands.Group("money-tracker"), Is.EqualTo("::group::money-tracker"));
        Assert.That(WorkflowCommands.EndGroup(), Is.EqualTo("::endgroup::"));
    }
}
