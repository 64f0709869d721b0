namespace NvTrap.Cli.Tests.Infrastructure;

/// <summary>Runs the tool in-process through <see cref="App.Run"/>, its real entry point, with captured streams.</summary>
public static class Tool
{
    public static CliResult Run(params string[] args) => RunWithInput(string.Empty, args);

    public static CliResult RunWithInput(string input, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exitCode = App.Run(args, new StringReader(input), output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
