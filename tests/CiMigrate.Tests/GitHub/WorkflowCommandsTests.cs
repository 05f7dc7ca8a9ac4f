using CiMigrate.GitHub;

namespace CiMigrate.Tests.GitHub;

public sealed class WorkflowCommandsTests
{
    [Test]
    public void Commands_escape_percent_and_line_breaks_of_their_message_as_the_runner_expects()
    {
        Assert.That(WorkflowCommands.AddMask("p%ss\nword"), Is.EqualTo("::add-mask::p%25ss%0Aword"));
        Assert.That(WorkflowCommands.Notice("50% done: line one\r\nline two, end"), Is.EqualTo("::notice::50%25 done: line one%0D%0Aline two, end"));
    }
}
