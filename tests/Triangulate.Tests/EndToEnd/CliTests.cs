namespace Triangulate.Tests.EndToEnd;

public class CliTests
{
    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "x", "--format", "pdf")]
    [InlineData("no-such-command")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var error = Console.Error;
        Console.SetError(TextWriter.Null);
        try
        {
            Assert.Equal(2, Triangulate.Cli.TriangulateCli.Run(args));
        }
        finally
        {
            Console.SetError(error);
        }
    }
}
