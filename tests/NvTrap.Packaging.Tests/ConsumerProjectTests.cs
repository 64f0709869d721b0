using System.Xml.Linq;

namespace NvTrap.Packaging.Tests;

/// <summary>
/// A project of a user's own, outside the checkout, set up as README.md's "Use it in your
/// project" says: a NuGet.config naming the feed eng/pack.sh writes, and the package added with
/// --prerelease. It must restore from that config alone, from an empty package cache, and move to
/// the new version when NvTrap is packed again.
/// </summary>
[Collection(PackedRepositoryCollection.Name)]
public class ConsumerProjectTests
{
    private const string Program = """
        using System.Reflection;
        using NvTrap;

        var state = new Linux71Traps.State { HasNestedVirtualization = true, CurrentEl = ExceptionLevel.El1, HCR_EL2 = 1UL << 26 };
        Console.WriteLine(Linux71Traps.Decide(state, new Esr(0x62300860)).Outcome);
        string runtime = typeof(Esr).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Console.WriteLine(runtime.Split('+')[0]);
        """;

    private readonly PackedRepository _repo;

    public ConsumerProjectTests(PackedRepository repo) => _repo = repo;

    [Fact]
    public void A_project_outside_the_checkout_restores_from_its_nuget_config_alone_and_moves_to_the_version_of_a_repack()
    {
        using var outside = new OutsideFolder("nvtrap-consumer");
        string app = outside.Combine("App");
        Directory.CreateDirectory(app);
        string hive = outside.Combine("template-hive");
        var cache = Cache(outside.Combine("packages"));

        DotnetCli.Dotnet(app, "new", "console", "--debug:custom-hive", hive);
        DotnetCli.Dotnet(app, "new", "nugetconfig", "--debug:custom-hive", hive);
        DotnetCli.Dotnet(app, "nuget", "add", "source", _repo.Feed, "--name", "nvtrap", "--configfile", "nuget.config");
        DotnetCli.Dotnet(cache, app, "add", "package", "NvTrap.Runtime", "--prerelease");
        Assert.Equal(_repo.Version, ReferencedVersion(app, "NvTrap.Runtime"));
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);
        Assert.Equal(new[] { "Forward", _repo.Version }, LastLines(DotnetCli.Dotnet(cache, app, "run"), 2));

        // Pack again, started in the user's project: a newer version, which the same command
        // moves the reference to, and which the cache that holds the first version cannot shadow.
        string repacked = PackScript.Pack(_repo.Root, _repo.Feed, workingDirectory: app);
        Assert.True(string.CompareOrdinal(repacked, _repo.Version) > 0, $"the re-pack's version {repacked} is not newer than {_repo.Version}");
        DotnetCli.Dotnet(cache, app, "add", "package", "NvTrap.Runtime", "--prerelease");
        Assert.Equal(repacked, ReferencedVersion(app, "NvTrap.Runtime"));
        Assert.Equal(new[] { "Forward", repacked }, LastLines(DotnetCli.Dotnet(cache, app, "run"), 2));

        // A clean restore, as on another machine: no obj or bin, an empty cache, no --source.
        Directory.Delete(Path.Combine(app, "obj"), recursive: true);
        Directory.Delete(Path.Combine(app, "bin"), recursive: true);
        var clean = Cache(outside.Combine("clean-packages"));
        Assert.Equal(new[] { "Forward", repacked }, LastLines(DotnetCli.Dotnet(clean, app, "run"), 2));
        Assert.True(Directory.Exists(Path.Combine(outside.Combine("clean-packages"), "nvtrap.runtime", repacked.ToLowerInvariant())));
    }

    private static Dictionary<string, string> Cache(string path) => new() { ["NUGET_PACKAGES"] = path };

    private static string ReferencedVersion(string projectFolder, string id)
    {
        var project = XDocument.Load(Path.Combine(projectFolder, Path.GetFileName(projectFolder) + ".csproj"));
        var reference = Assert.Single(project.Descendants("PackageReference"), e => e.Attribute("Include")?.Value == id);
        return reference.Attribute("Version")!.Value;
    }

    private static string[] LastLines(string output, int count) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count).ToArray();
}
