namespace NvTrap.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the tool with the process's current folder set, for relative paths and URIs. The current
/// folder belongs to the whole test process, so tests that change it are in
/// <see cref="CurrentFolderCollection"/>, which runs alone, after the parallel tests.
/// </summary>
public static class CurrentFolder
{
    public static CliResult Run(string folder, params string[] args)
    {
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            return Tool.Run(args);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}

/// <summary>Tests that change the process's current folder: never run beside another test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentFolderCollection
{
    public const string Name = "current folder";
}
