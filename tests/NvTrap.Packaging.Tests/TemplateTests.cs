namespace NvTrap.Packaging.Tests;

/// <summary>
/// dotnet new nvtrap-rules, installed from the packed NvTrap.Templates package into a template
/// hive of its own, makes a project outside the checkout that builds against the packed feed with
/// no warning and decides an access with its own rules.
/// </summary>
[Collection(PackedRepositoryCollection.Name)]
public class TemplateTests
{
    private readonly PackedRepository _repo;

    public TemplateTests(PackedRepository repo) => _repo = repo;

    [Fact]
    public void The_nvtrap_rules_template_makes_a_project_that_builds_against_the_feed_and_decides_an_access_with_its_rules()
    {
        using var outside = new OutsideFolder("nvtrap-template");
        string hive = outside.Combine("template-hive");
        string installed = DotnetCli.Dotnet(outside.Path, "new", "install", _repo.Package("NvTrap.Templates"), "--debug:custom-hive", hive);
        Assert.Contains("nvtrap-rules", installed);

        DotnetCli.Dotnet(outside.Path, "new", "nvtrap-rules", "-o", "MyRules", "--debug:custom-hive", hive);
        string project = outside.Combine("MyRules");
        Assert.True(File.Exists(Path.Combine(project, "MyRules.csproj")), "the project is not named after its folder");
        string rules = File.ReadAllText(Path.Combine(project, "rules", "my-hypervisor.nvtrap.yaml"));
        Assert.StartsWith("# yaml-language-server: $schema=", rules, StringComparison.Ordinal);

        DotnetCli.Dotnet(project, "new", "nugetconfig", "--debug:custom-hive", hive);
        DotnetCli.Dotnet(project, "nuget", "add", "source", _repo.Feed, "--name", "nvtrap", "--configfile", "nuget.config");
        string packages = outside.Combine("packages");
        var cache = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        DotnetCli.Dotnet(cache, project, "build", "-warnaserror", "-nologo", "-v:minimal");
        Assert.True(Directory.Exists(Path.Combine(packages, "nvtrap.generator", _repo.Version.ToLowerInvariant())), "the project did not restore the generator of the same pack");

        string output = DotnetCli.Dotnet(cache, project, "run", "--no-build");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("TTBR0_EL1 write with HCR_EL2.TVM set: Forward", lines[0]);
        Assert.Contains("HCR_TVM [forward write]: HCR_EL2 = 0x4000000, & mask 0x4000000 = 0x4000000 == value 0x4000000 -> forward", lines);
    }
}
