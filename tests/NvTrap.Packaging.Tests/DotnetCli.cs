namespace NvTrap.Packaging.Tests;

/// <summary>The dotnet CLI, failing the test with its output when a command fails.</summary>
internal static class DotnetCli
{
    public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        NvTrap.Testing.ProcessRunner.Run(fileName, workingDirectory, timeout, arguments);

    public static string Dotnet(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output) = Run("dotnet", workingDirectory, TimeSpan.FromMinutes(10), arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({exitCode}):\n{output}");
        return output;
    }
}
