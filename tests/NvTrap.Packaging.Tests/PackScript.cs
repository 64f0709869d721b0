namespace NvTrap.Packaging.Tests;

/// <summary>eng/pack.sh, run as README.md tells a user to run it.</summary>
internal static class PackScript
{
    /// <summary>
    /// Packs the repository at <paramref name="repositoryRoot"/> into <paramref name="feed"/>
    /// (NVTRAP_FEED), starting in <paramref name="workingDirectory"/>, and returns the version the
    /// script says it packed.
    /// </summary>
    public static string Pack(string repositoryRoot, string feed, string workingDirectory)
    {
        string script = Path.Combine(repositoryRoot, "eng", "pack.sh");
        string output = DotnetCli.Succeeded("bash", workingDirectory, new Dictionary<string, string> { ["NVTRAP_FEED"] = feed }, script);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 2, $"eng/pack.sh printed too little:\n{output}");
        Assert.Equal($"feed: {feed}", lines[^2]);
        Assert.StartsWith("version: ", lines[^1], StringComparison.Ordinal);
        return lines[^1]["version: ".Length..];
    }
}
