namespace NvTrap.Generator.Tests.Infrastructure;

/// <summary>Runs the real <c>dotnet</c> CLI for tests that prove build behaviour end to end.</summary>
internal static class DotnetCli
{
    /// <summary>The configuration the tests were built in, so consumers reuse the same outputs.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static (int ExitCode, string Output) Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        NvTrap.Testing.ProcessRunner.Run("dotnet", workingDirectory, timeout, arguments);
}

/// <summary>Tests that run real builds share one collection so they never build the same projects at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealBuildCollection
{
    public const string Name = "real dotnet builds";
}
