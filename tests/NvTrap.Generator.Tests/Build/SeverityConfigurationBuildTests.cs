using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NvTrap.Generator.Tests.Infrastructure;

namespace NvTrap.Generator.Tests.Build;

/// <summary>
/// <c>dotnet_diagnostic.NVT0xx.severity</c> in a real <c>dotnet build</c> of a consumer project,
/// and <c>nvtrap check</c> on the same rule files with the same config files: they report the same
/// diagnostics at the same levels. The configuration holds each case the build decides:
/// a .globalconfig raises a warning to an error and silences another; an error set to none stays
/// an error (the generator's errors are NotConfigurable); an .editorconfig section for
/// *.nvtrap.yaml is ignored (Roslyn applies .editorconfig sections to C# files only); and a
/// .globalconfig beside the rule files, where there is no C# file, counts (the package's targets
/// hand it to the compiler). The build's diagnostics are read from its SARIF error log, which
/// holds the info (suggestion) level the console does not show.
/// </summary>
[Collection(RealBuildCollection.Name)]
public partial class SeverityConfigurationBuildTests : IDisposable
{
    /// <summary>An unknown group (NVT012), an unused control (NVT070), an unused filter (NVT073), an unused parameter (NVT074).</summary>
    private const string Rules = """
        ruleset: sev
        registers:
          HCR_EL2: { fields: { TVM: 26, TRVM: 30 } }
        parameters:
          N: { default: 0, range: 0..1 }
        filters:
          FX: "HCR_EL2.TVM"
        controls:
          HCR_TVM: { register: HCR_EL2, mask: TVM, value: TVM, forward: write }
          HCR_TRVM: { register: HCR_EL2, mask: TRVM, value: TRVM, forward: read }
        traps:
          - { group: HCR_TVM, sysreg: S3_0_C1_C0_0 }
          - { group: HCR_TMV, sysreg: S3_0_C2_C0_0 }
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nvtrap-severity-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Dotnet_build_and_nvtrap_check_report_the_same_levels_from_the_same_config_files()
    {
        string root = NvTrap.Testing.RepositoryPaths.Root;
        string rules = Path.Combine(_directory, "rules");
        Directory.CreateDirectory(rules);
        string errorLog = Path.Combine(_directory, "build.sarif");
        File.WriteAllText(Path.Combine(_directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <ErrorLog>{errorLog},version=2.1</ErrorLog>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(root, "src", "NvTrap.Runtime", "NvTrap.Runtime.csproj")}" />
                <ProjectReference Include="{Path.Combine(root, "src", "NvTrap.Generator", "NvTrap.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <AdditionalFiles Include="rules/*.nvtrap.yaml" />
              </ItemGroup>
              <!-- What the NvTrap.Generator package imports. -->
              <Import Project="{Path.Combine(root, "src", "NvTrap.Generator", "build", "NvTrap.Generator.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(_directory, "Traps.cs"), "namespace Consumer;\n\n[NvTrap.NvTrapRuleset(\"sev\")]\npublic static partial class Traps { }\n");
        File.WriteAllText(Path.Combine(rules, "sev.nvtrap.yaml"), Rules);
        File.WriteAllText(Path.Combine(_directory, ".globalconfig"), """
            dotnet_diagnostic.NVT070.severity = error
            dotnet_diagnostic.NVT074.severity = silent
            dotnet_diagnostic.NVT012.severity = none
            """);
        File.WriteAllText(Path.Combine(_directory, ".editorconfig"), """
            root = true

            [*.nvtrap.yaml]
            dotnet_diagnostic.NVT073.severity = error
            """);
        File.WriteAllText(Path.Combine(rules, ".globalconfig"), "dotnet_diagnostic.NVT073.severity = suggestion\n");

        var (buildExit, buildOutput) = DotnetCli.Run(_directory, TimeSpan.FromMinutes(5), "build", "-c", DotnetCli.Configuration, "-v:minimal", "-nologo");
        var check = Check(rules, "--format", "sarif");
        var checkText = Check(rules);

        // What the build decided, from its error log: the levels this test is about.
        var built = BuildResults(errorLog);
        Assert.True(built.Count > 0, buildOutput);
        Assert.Equal(["NVT012 error", "NVT070 error", "NVT073 note"], built.Select(r => $"{r.Id} {r.Level}").Order(StringComparer.Ordinal));

        // nvtrap check decides the same, result for result, place for place.
        Assert.Equal(built.Order(), CheckResults(check.Output).Order());
        Assert.NotEqual(0, buildExit);
        Assert.Equal(1, check.ExitCode);

        // The console lines of the build (errors and warnings) are check's text lines.
        var buildLines = BuildLine().Matches(buildOutput).Select(m => m.Groups["line"].Value).Distinct().Order(StringComparer.Ordinal);
        var checkLines = checkText.Output.Split('\n').Where(l => l.Contains(": error NVT", StringComparison.Ordinal) || l.Contains(": warning NVT", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(buildLines, checkLines);
        Assert.DoesNotContain("CS8785", buildOutput);

        // check says which settings neither of them applies.
        Assert.Contains("dotnet_diagnostic.NVT012.severity = none: ignored, by the build too", check.Error);
        Assert.Contains("[*.nvtrap.yaml] sets dotnet_diagnostic.NVT073.severity", check.Error);
    }

    private static (int ExitCode, string Output, string Error) Check(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exitCode = NvTrap.Cli.App.Run(["check", .. args], new StringReader(string.Empty), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The NVT results of the build's SARIF 2.1 error log, with the file as an absolute URI.</summary>
    private static List<Result> BuildResults(string errorLog)
    {
        var run = JsonNode.Parse(File.ReadAllText(errorLog))!["runs"]![0]!;
        return Results(run, _ => null).Where(r => r.Id.StartsWith("NVT", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The results of check's SARIF, relative URIs resolved against their base id.</summary>
    private static List<Result> CheckResults(string sarif)
    {
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        return Results(run, baseId => (string?)run["originalUriBaseIds"]![baseId]!["uri"]).ToList();
    }

    private static IEnumerable<Result> Results(JsonNode run, Func<string, string?> baseUri)
    {
        foreach (var result in run["results"]!.AsArray())
        {
            var location = result!["locations"]![0]!["physicalLocation"]!;
            var artifact = location["artifactLocation"]!;
            string uri = (string)artifact["uri"]!;
            if ((string?)artifact["uriBaseId"] is { } id)
            {
                uri = new Uri(new Uri(baseUri(id)!), uri).AbsoluteUri;
            }

            var region = location["region"]!;
            yield return new Result(
                (string)result["ruleId"]!,
                (string?)result["level"] ?? "warning",
                (string)result["message"]!["text"]!,
                uri,
                (int)region["startLine"]!,
                (int)region["startColumn"]!,
                (int)region["endLine"]!,
                (int)region["endColumn"]!);
        }
    }

    private sealed record Result(string Id, string Level, string Message, string Uri, int StartLine, int StartColumn, int EndLine, int EndColumn) : IComparable<Result>
    {
        public int CompareTo(Result? other) => string.CompareOrdinal(ToString(), other?.ToString());
    }

    /// <summary>A diagnostic line of the build, without the help link and project MSBuild appends.</summary>
    [GeneratedRegex(@"^(?<line>\S+\.nvtrap\.yaml\(\d+,\d+\): (error|warning) NVT\d{3}: .*?) \(https://\S+\.md\) \[\S+\]\s*$", RegexOptions.Multiline)]
    private static partial Regex BuildLine();
}
