namespace NvTrap.Packaging.Tests;

/// <summary>The dotnet CLI, failing the test with its output when a command fails.</summary>
internal static class DotnetCli
{
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        NvTrap.Testing.ProcessRunner.Run(fileName, workingDirectory, timeout, arguments);

    public static string Dotnet(string workingDirectory, params string[] arguments) => Dotnet(NoEnvironment, workingDirectory, arguments);

    /// <summary>Runs dotnet with variables set in its environment, such as NUGET_PACKAGES for a package cache of its own.</summary>
    public static string Dotnet(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments) =>
        Succeeded("dotnet", workingDirectory, environment, arguments);

    /// <summary>Runs a program, failing the test with its output unless it exits with 0.</summary>
    public static string Succeeded(string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, output) = NvTrap.Testing.ProcessRunner.Run(fileName, workingDirectory, TimeSpan.FromMinutes(10), environment, arguments);
        Assert.True(exitCode == 0, $"{fileName} {string.Join(' ', arguments)} failed ({exitCode}):\n{output}");
        return output;
    }
}
