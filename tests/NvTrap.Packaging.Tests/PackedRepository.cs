namespace NvTrap.Packaging.Tests;

/// <summary>
/// A copy of the repository's sources in a temporary folder, packed once with a version no other
/// run uses. Packing a copy keeps this test from rebuilding the projects other test runs are
/// using, and the fresh version keeps NuGet's caches from handing back an older package.
/// </summary>
public sealed class PackedRepository : IDisposable
{
    public PackedRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "nvtrap-pack-" + Guid.NewGuid().ToString("N"));
        Version = $"0.1.0-pack.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(100000)}";
        PackagesPath = Path.Combine(Root, "restored-packages");
        string source = NvTrap.Testing.RepositoryPaths.Root;
        foreach (var directory in new[] { "src", "rules", "samples" })
        {
            CopyDirectory(Path.Combine(source, directory), Path.Combine(Root, directory));
        }

        // The generator package carries the checked-in JSON Schemas.
        CopyDirectory(Path.Combine(source, "docs", "schema"), Path.Combine(Root, "docs", "schema"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "README.md" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(Root, file));
        }

        Feed = Path.Combine(Root, "artifacts", "packages");
        foreach (var project in new[] { "NvTrap.Generator", "NvTrap.Runtime", "NvTrap.Cli" })
        {
            DotnetCli.Dotnet(Root, "pack", Path.Combine("src", project, project + ".csproj"), "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-nologo", "-v:minimal");
        }
    }

    public string Root { get; }

    public string Version { get; }

    /// <summary>The local folder feed the packages were written to (the samples' NuGet.config names it).</summary>
    public string Feed { get; }

    /// <summary>An isolated RestorePackagesPath for consumers.</summary>
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
