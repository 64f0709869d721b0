namespace NvTrap.Packaging.Tests;

/// <summary>
/// A copy of the repository's sources in a temporary folder, packed once by eng/pack.sh, started
/// outside the copy as a user may start it. Packing a copy keeps this test from rebuilding the
/// projects other test runs are using; the script gives every pack a version of its own, and
/// every consumer here restores into a package cache of its own, so no NuGet cache can hand back
/// an older package.
/// </summary>
public sealed class PackedRepository : IDisposable
{
    public PackedRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "nvtrap-pack-" + Guid.NewGuid().ToString("N"));
        PackagesPath = Path.Combine(Root, "restored-packages");
        string source = NvTrap.Testing.RepositoryPaths.Root;
        // docs/: the tool embeds the diagnostic pages, the generator package carries docs/schema.
        foreach (var directory in new[] { "src", "rules", "samples", "eng", "docs" })
        {
            CopyDirectory(Path.Combine(source, directory), Path.Combine(Root, directory));
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "README.md" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(Root, file));
        }

        Feed = Path.Combine(Root, "artifacts", "packages");
        Version = PackScript.Pack(Root, Feed, workingDirectory: Path.GetTempPath());
    }

    public string Root { get; }

    /// <summary>The version eng/pack.sh gave the first pack.</summary>
    public string Version { get; }

    /// <summary>The local folder feed the packages were written to (the samples' NuGet.config names it).</summary>
    public string Feed { get; }

    /// <summary>An isolated package cache (RestorePackagesPath, NUGET_PACKAGES) for the samples and the tool.</summary>
    public string PackagesPath { get; }

    public string Package(string id, string extension = ".nupkg") => Path.Combine(Feed, $"{id}.{Version}{extension}");

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            string name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
            {
                continue;
            }

            CopyDirectory(directory, Path.Combine(to, name));
        }
    }
}
