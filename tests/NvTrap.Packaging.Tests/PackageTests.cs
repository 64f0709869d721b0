using System.IO.Compression;
using System.Xml.Linq;

namespace NvTrap.Packaging.Tests;

/// <summary>The packages NvTrap ships, consumed exactly as a user consumes them.</summary>
[Collection(PackedRepositoryCollection.Name)]
public class PackageTests
{
    private readonly PackedRepository _repo;

    public PackageTests(PackedRepository repo) => _repo = repo;

    [Fact]
    public void Generator_package_carries_the_analyzer_its_parser_and_build_files_and_depends_only_on_the_runtime()
    {
        var entries = Entries("NvTrap.Generator");
        Assert.Contains("analyzers/dotnet/cs/NvTrap.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/NvTrap.Compiler.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("build/NvTrap.Generator.props", entries);
        Assert.Contains("build/NvTrap.Generator.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("schema/nvtrap-rules.schema.json", entries);
        Assert.Contains("schema/nvtrap-vm.schema.json", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        var nuspec = Nuspec("NvTrap.Generator");
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
        var dependency = Assert.Single(dependencies);
        Assert.Equal("NvTrap.Runtime", dependency.Attribute("id")!.Value);
        Assert.Equal($"[{_repo.Version}]", dependency.Attribute("version")!.Value);
        AssertMetadata(nuspec);
    }

    [Fact]
    public void Runtime_package_has_both_frameworks_symbols_and_no_dependencies()
    {
        var entries = Entries("NvTrap.Runtime");
        Assert.Contains("lib/net8.0/NvTrap.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/NvTrap.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/NvTrap.Runtime.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal));
        Assert.True(File.Exists(_repo.Package("NvTrap.Runtime", ".snupkg")), "NvTrap.Runtime.snupkg is missing");

        var nuspec = Nuspec("NvTrap.Runtime");
        Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency");
        AssertMetadata(nuspec);
    }

    [Fact]
    public void Tool_package_is_a_dotnet_tool_named_nvtrap()
    {
        var entries = Entries("NvTrap.Cli");
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
        Assert.Contains("tools/net10.0/any/NvTrap.Cli.dll", entries);
        Assert.Contains("tools/net10.0/any/YamlDotNet.dll", entries);
        Assert.Contains("README.md", entries);
        using var archive = ZipFile.OpenRead(_repo.Package("NvTrap.Cli"));
        using var settings = archive.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        Assert.Equal("nvtrap", XDocument.Load(settings).Descendants("Command").Single().Attribute("Name")!.Value);
        Assert.True(File.Exists(_repo.Package("NvTrap.Cli", ".snupkg")), "NvTrap.Cli.snupkg is missing");
        AssertMetadata(Nuspec("NvTrap.Cli"));
    }

    [Fact]
    public void Templates_package_is_a_template_package_whose_project_references_the_generator_of_the_same_pack()
    {
        var entries = Entries("NvTrap.Templates");
        Assert.Contains("content/nvtrap-rules/.template.config/template.json", entries);
        Assert.Contains("content/nvtrap-rules/NvTrapRulesProject.csproj", entries);
        Assert.Contains("content/nvtrap-rules/rules/my-hypervisor.nvtrap.yaml", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        var nuspec = Nuspec("NvTrap.Templates");
        var packageType = Assert.Single(nuspec.Descendants(), e => e.Name.LocalName == "packageType");
        Assert.Equal("Template", packageType.Attribute("name")!.Value);
        Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency");
        AssertMetadata(nuspec);

        string project = Text("NvTrap.Templates", "content/nvtrap-rules/NvTrapRulesProject.csproj");
        Assert.Contains($"<PackageReference Include=\"NvTrap.Generator\" Version=\"{_repo.Version}\" />", project);
        Assert.DoesNotContain("NVTRAP_", string.Concat(entries.Where(e => e.StartsWith("content/", StringComparison.Ordinal)).Select(e => Text("NvTrap.Templates", e))));
    }

    [Fact]
    public void Trace_replay_sample_runs_on_the_runtime_package_alone()
    {
        string project = Path.Combine(_repo.Root, "samples", "TraceReplay");
        DotnetCli.Dotnet(project, "build", "-c", "Release", $"-p:NvTrapVersion={_repo.Version}", $"-p:RestorePackagesPath={_repo.PackagesPath}", "-nologo", "-v:minimal");
        Assert.True(Directory.Exists(Path.Combine(_repo.PackagesPath, "nvtrap.runtime", _repo.Version.ToLowerInvariant())));
        Assert.False(Directory.Exists(Path.Combine(_repo.PackagesPath, "nvtrap.generator")), "the runtime sample must not pull in the generator");

        string output = DotnetCli.Dotnet(project, "bin/Release/net10.0/TraceReplay.dll");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => Columns(l) == "HCR_TVM_TRVM 3 2");
        Assert.Contains(lines, l => Columns(l) == "CNTHCTL_EL1PCTEN 1 2");
        Assert.Contains(lines, l => Columns(l) == "MDCR_TPM_TPMCR 1 0");
        Assert.Contains(lines, l => Columns(l) == "total 9 6");
    }

    [Fact]
    public void Custom_rules_sample_compiles_its_own_rules_and_a_broken_rule_fails_the_build_with_a_located_error()
    {
        string project = Path.Combine(_repo.Root, "samples", "CustomRules");
        string[] build = { "build", "-c", "Release", $"-p:NvTrapVersion={_repo.Version}", $"-p:RestorePackagesPath={_repo.PackagesPath}", "-nologo", "-v:minimal" };
        DotnetCli.Dotnet(project, build);

        // The schemas arrive with the package, the same files as docs/schema, where its build properties say.
        foreach (var (property, file) in new[] { ("NvTrapRulesSchema", "nvtrap-rules.schema.json"), ("NvTrapVmProfileSchema", "nvtrap-vm.schema.json") })
        {
            string restored = Path.Combine(_repo.PackagesPath, "nvtrap.generator", _repo.Version.ToLowerInvariant(), "schema", file);
            Assert.Equal(File.ReadAllText(Path.Combine(_repo.Root, "docs", "schema", file)), File.ReadAllText(restored));
            string value = DotnetCli.Dotnet(project, "msbuild", "-getProperty:" + property, $"-p:NvTrapVersion={_repo.Version}", $"-p:RestorePackagesPath={_repo.PackagesPath}", "-nologo").Trim();
            Assert.Equal(Path.GetFullPath(restored), value);
        }

        string output = DotnetCli.Dotnet(project, "bin/Release/net10.0/CustomRules.dll");
        Assert.Contains("write SANDBOX_CFG_EL1, TCFG set      forward", output);
        Assert.Contains("read SANDBOX_KEY_EL1, LOCK set       local", output);
        Assert.Contains("write S3_1_C15_C5_3, MODE 2          forward", output);
        Assert.Contains("SANDBOX_GUARDED [forward any]: SANDBOX_CTL_EL2.MODE == 2 && crm >= 4 with SANDBOX_CTL_EL2 = 0x210 is true -> forward", output);

        string rules = Path.Combine(project, "rules", "sandbox.nvtrap.yaml");
        string original = File.ReadAllText(rules);
        File.WriteAllText(rules, original.Replace("[SANDBOX_TCFG, SANDBOX_TSTAT]", "[SANDBOX_TCFG, SANDBOX_TSTATS]"));
        try
        {
            var (exitCode, broken) = DotnetCli.Run("dotnet", project, TimeSpan.FromMinutes(5), build);
            Assert.NotEqual(0, exitCode);
            int line = original.Split('\n').ToList().FindIndex(l => l.Contains("SANDBOX_CFG_STAT: [")) + 1;
            int column = original.Split('\n')[line - 1].IndexOf("SANDBOX_TSTAT]", StringComparison.Ordinal) + 1;
            Assert.Contains($"{rules}({line},{column}): error NVT032: Combination 'SANDBOX_CFG_STAT' names member 'SANDBOX_TSTATS'", broken);
            Assert.DoesNotContain("CS8785", broken);
            Assert.DoesNotContain(": error CS", broken); // the sample's Program.cs binds to the stand-in
        }
        finally
        {
            File.WriteAllText(rules, original);
        }
    }

    [Fact]
    public void The_installed_tool_checks_rules_and_explains_a_trap()
    {
        string tools = Path.Combine(_repo.Root, "tools");
        DotnetCli.Dotnet(new Dictionary<string, string> { ["NUGET_PACKAGES"] = _repo.PackagesPath }, _repo.Root, "tool", "install", "NvTrap.Cli", "--tool-path", tools, "--add-source", _repo.Feed, "--version", _repo.Version);
        string nvtrap = Path.Combine(tools, OperatingSystem.IsWindows() ? "nvtrap.exe" : "nvtrap");
        Assert.True(File.Exists(nvtrap), "the tool did not install an nvtrap command");

        var (checkExit, check) = DotnetCli.Run(nvtrap, _repo.Root, TimeSpan.FromMinutes(2), "check", Path.Combine(_repo.Root, "rules"));
        Assert.True(checkExit == 0, check);

        var (explainExit, explain) = DotnetCli.Run(nvtrap, _repo.Root, TimeSpan.FromMinutes(2), "explain", "--esr", "0x62300860", "--hcr-el2", "0x4000000");
        Assert.True(explainExit == 0, explain);
        Assert.Contains("forward", explain);
        Assert.Contains("HCR_TVM", explain);
        Assert.Contains("TTBR0_EL1", explain);
    }

    private static string Columns(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static void AssertMetadata(XDocument nuspec)
    {
        string Value(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("arm64", Value("tags"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
    }

    private List<string> Entries(string id)
    {
        using var archive = ZipFile.OpenRead(_repo.Package(id));
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    private string Text(string id, string entry)
    {
        using var archive = ZipFile.OpenRead(_repo.Package(id));
        using var reader = new StreamReader(archive.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private XDocument Nuspec(string id)
    {
        using var archive = ZipFile.OpenRead(_repo.Package(id));
        using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }
}
