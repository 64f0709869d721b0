using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NvTrap.Cli.Tests.Infrastructure;
using NvTrap.Compiler;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Generator;

namespace NvTrap.Cli.Tests.Checking;

/// <summary><c>nvtrap check --format json|sarif</c>: the same diagnostics as the text, as data; every one of them; the same exit codes.</summary>
[Collection(CurrentFolderCollection.Name)]
public class CheckFormatTests
{
    /// <summary>An error with a related place (NVT004), an unknown group (NVT012) and an unused control (NVT070), in a folder whose name needs escaping in a URI.</summary>
    private const string Rules = """
        ruleset: fmt
        registers:
          HCR_EL2: { fields: { TVM: 26, TRVM: 30 } }
        controls:
          HCR_TVM: { register: HCR_EL2, mask: TVM, value: TVM, forward: write }
          HCR_TRVM: { register: HCR_EL2, mask: TRVM, value: TRVM, forward: read }
          HCR_TVM: { register: HCR_EL2, mask: TVM, value: TVM, forward: read }
        traps:
          - { group: HCR_TVM, sysreg: S3_0_C1_C0_0 }
          - { group: HCR_TMV, sysreg: S3_0_C2_C0_0 }
        """;

    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
    {
        // The schema is draft-04 (see README.md here); JsonSchema.Net reads draft 6 and later. Its
        // only draft-04 word is the root's id, which its references (all "#/definitions/...") do
        // not need; JsonSchema.Net refuses it as $id ("Overwriting registered schemas").
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPathsOfTests.Folder, "sarif-2.1.0-rtm.5.json")))!.AsObject();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        Assert.NotNull(schema["id"]);
        schema.Remove("id");
        return JsonSchema.FromText(schema.ToJsonString());
    });

    [Fact]
    public void Json_holds_the_files_rulesets_counts_and_every_diagnostic_as_the_text_does()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("my rules/fmt.nvtrap.yaml", Rules);
        var text = Tool.Run("check", Path.Combine(directory.Path, "my rules"));

        var result = Tool.Run("check", Path.Combine(directory.Path, "my rules"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(text.ExitCode, result.ExitCode);
        Assert.Empty(result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("nvtrap", root.GetProperty("tool").GetString());
        Assert.Equal([file], root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["fmt"], root.GetProperty("rulesets").EnumerateArray().Select(f => f.GetString()));
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        var expected = RuleCompiler.Compile([new RuleSource(file, Rules)]).Diagnostics;
        var generatorLinks = GeneratorHelpLinks(file);
        Assert.Equal(expected.Select(d => d.Id).Distinct().Order(), generatorLinks.Keys.Order());
        Assert.Equal(expected.Count, diagnostics.Count);
        Assert.Equal(text.OutputLines[..^1], diagnostics.Select(d => $"{d.GetProperty("path").GetString()}({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}): {d.GetProperty("severity").GetString()} {d.GetProperty("id").GetString()}: {d.GetProperty("message").GetString()}"));
        for (int i = 0; i < expected.Count; i++)
        {
            var span = expected[i].Span;
            Assert.Equal(span.EndLine, diagnostics[i].GetProperty("endLine").GetInt32());
            Assert.Equal(span.EndColumn, diagnostics[i].GetProperty("endColumn").GetInt32());
            // The help link is the one the generator gives the build for the same diagnostic.
            Assert.Equal(generatorLinks[expected[i].Id], diagnostics[i].GetProperty("helpLink").GetString());
            Assert.Equal(
                ["path", "line", "column", "endLine", "endColumn", "id", "severity", "message", "helpLink"],
                diagnostics[i].EnumerateObject().Select(p => p.Name));
        }

        var counts = root.GetProperty("counts");
        Assert.Equal(expected.Count(d => d.IsError), counts.GetProperty("error").GetInt32());
        Assert.Equal(expected.Count(d => !d.IsError), counts.GetProperty("warning").GetInt32());
        Assert.Equal(0, counts.GetProperty("info").GetInt32());
        Assert.Equal(["error", "warning"], diagnostics.Select(d => d.GetProperty("severity").GetString()).Distinct().Order());
    }

    [Fact]
    public void Sarif_is_valid_against_the_sarif_2_1_0_schema()
    {
        using var directory = new TempDirectory();
        directory.Write("my rules/fmt.nvtrap.yaml", Rules);

        var result = CurrentFolder.Run(directory.Path, "check", "my rules", "--format", "sarif", "--severity", "NVT070=suggestion");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var evaluation = SarifSchema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))));

        // The schema is checked to bite: a result without its message is refused.
        var broken = JsonNode.Parse(result.Output)!;
        broken["runs"]![0]!["results"]![0]!.AsObject().Remove("message");
        Assert.False(SarifSchema.Value.Evaluate(JsonDocument.Parse(broken.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void Sarif_has_the_tool_its_rules_and_each_result_field_by_field()
    {
        using var directory = new TempDirectory();
        directory.Write("my rules/fmt.nvtrap.yaml", Rules);
        var expected = RuleCompiler.Compile([new RuleSource(Path.Combine("my rules", "fmt.nvtrap.yaml"), Rules)]).Diagnostics;

        var result = CurrentFolder.Run(directory.Path, "check", "my rules", "--format", "sarif", "--severity", "NVT070=suggestion");

        Assert.Equal(1, result.ExitCode);
        var log = JsonNode.Parse(result.Output)!;
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", (string?)log["$schema"]);
        Assert.Equal("2.1.0", (string?)log["version"]);
        var run = Assert.Single(log["runs"]!.AsArray())!;
        var driver = run["tool"]!["driver"]!;
        Assert.Equal("nvtrap", (string?)driver["name"]);
        Assert.False(string.IsNullOrEmpty((string?)driver["version"]));
        Assert.Equal(HelpLinks.RepositoryUrl, (string?)driver["informationUri"]);
        var rules = driver["rules"]!.AsArray();
        Assert.Equal(["NVT004", "NVT012", "NVT070"], rules.Select(r => (string?)r!["id"]));
        foreach (var rule in rules)
        {
            var descriptor = Descriptors.All.Single(d => d.Id == (string?)rule!["id"]);
            Assert.Equal(descriptor.Title, (string?)rule!["shortDescription"]!["text"]);
            Assert.Equal(descriptor.Title.Replace(" ", string.Empty, StringComparison.Ordinal), ((string?)rule["name"])!, ignoreCase: true);
            Assert.Equal(descriptor.HelpLink, (string?)rule["helpUri"]);
            Assert.Equal(descriptor.Severity == RuleSeverity.Error ? "error" : "warning", (string?)rule["defaultConfiguration"]!["level"]);
        }

        Assert.Equal(new Uri(directory.Path + "/").AbsoluteUri, (string?)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]);
        var results = run["results"]!.AsArray();
        Assert.Equal(expected.Count, results.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var diagnostic = expected[i];
            var sarif = results[i]!;
            Assert.Equal(diagnostic.Id, (string?)sarif["ruleId"]);
            Assert.Equal(diagnostic.Id, (string?)rules[(int)sarif["ruleIndex"]!]!["id"]);
            Assert.Equal(diagnostic.Id == "NVT070" ? "note" : diagnostic.IsError ? "error" : "warning", (string?)sarif["level"]);
            Assert.Equal(diagnostic.Message, (string?)sarif["message"]!["text"]);
            var location = Assert.Single(sarif["locations"]!.AsArray())!["physicalLocation"]!;
            Assert.Equal("my%20rules/fmt.nvtrap.yaml", (string?)location["artifactLocation"]!["uri"]);
            Assert.Equal("SRCROOT", (string?)location["artifactLocation"]!["uriBaseId"]);
            var region = location["region"]!;
            Assert.Equal(
                [diagnostic.Span.StartLine, diagnostic.Span.StartColumn, diagnostic.Span.EndLine, diagnostic.Span.EndColumn],
                new[] { "startLine", "startColumn", "endLine", "endColumn" }.Select(k => (int)region[k]!));
            if (diagnostic.Related is { } related)
            {
                var other = Assert.Single(sarif["relatedLocations"]!.AsArray())!["physicalLocation"]!["region"]!;
                Assert.Equal(related.StartLine, (int)other["startLine"]!);
            }
            else
            {
                Assert.Null(sarif["relatedLocations"]);
            }
        }

        Assert.Contains(expected, d => d.Related is not null);
    }

    [Fact]
    public void A_rule_file_outside_the_current_folder_is_an_absolute_file_uri()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("rules/fmt.nvtrap.yaml", Rules);
        Directory.CreateDirectory(Path.Combine(directory.Path, "elsewhere"));

        var result = CurrentFolder.Run(Path.Combine(directory.Path, "elsewhere"), "check", file, "--format", "sarif");

        var location = JsonNode.Parse(result.Output)!["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal(new Uri(file).AbsoluteUri, (string?)location["uri"]);
        Assert.Null(location["uriBaseId"]);
    }

    [Fact]
    public void Json_and_sarif_print_every_diagnostic_where_text_stops_at_100()
    {
        using var directory = new TempDirectory();
        var text = new System.Text.StringBuilder("ruleset: flood\nregisters:\n  R_EL2: { fields: { A: 0 } }\ncontrols:\n  R_A: { register: R_EL2, mask: A, value: A, forward: any }\n");
        for (int i = 0; i < 150; i++)
        {
            text.Append($"  UNUSED_{i}: {{ register: R_EL2, mask: A, value: 0, forward: any }}\n");
        }

        text.Append("traps:\n  - { group: R_A, sysreg: S3_0_C1_C0_0 }\n");
        string file = directory.Write("flood.nvtrap.yaml", text.ToString());

        var plain = Tool.Run("check", file);
        var json = Tool.Run("check", file, "--format", "json");
        var sarif = Tool.Run("check", file, "--format", "sarif");

        Assert.Equal([0, 0, 0], new[] { plain.ExitCode, json.ExitCode, sarif.ExitCode });
        Assert.Equal(102, plain.OutputLines.Length);
        Assert.Contains(": warning NVT091: 50 more diagnostics in this file not shown", plain.OutputLines[100]);
        Assert.Equal(150, JsonNode.Parse(json.Output)!["diagnostics"]!.AsArray().Count);
        Assert.Equal(150, JsonNode.Parse(sarif.Output)!["runs"]![0]!["results"]!.AsArray().Count);
    }

    [Fact]
    public void A_clean_ruleset_is_an_empty_list_and_exit_code_0_in_every_format()
    {
        // Linux 7.1: clean (6.6 keeps two warnings for the kernel's own mistakes, docs/linux-6.6.md).
        var json = Tool.Run("check", TestPaths.LinuxRulesOf("linux-7.1"), "--format", "json");
        var sarif = Tool.Run("check", TestPaths.LinuxRulesOf("linux-7.1"), "--format", "sarif");

        Assert.Equal(0, json.ExitCode);
        Assert.Equal(0, sarif.ExitCode);
        var root = JsonNode.Parse(json.Output)!;
        Assert.Equal(28, root["files"]!.AsArray().Count);
        Assert.Equal("linux-7.1", (string?)root["rulesets"]![0]);
        Assert.Empty(root["diagnostics"]!.AsArray());
        var run = JsonNode.Parse(sarif.Output)!["runs"]![0]!;
        Assert.Empty(run["results"]!.AsArray());
        Assert.Empty(run["tool"]!["driver"]!["rules"]!.AsArray());
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("tsv")]
    public void Another_format_is_a_usage_error(string format)
    {
        var result = Tool.Run("check", TestPaths.LinuxRules, "--format", format);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void With_kernel_only_text_is_offered()
    {
        var result = Tool.Run("check", "--kernel", "/no/such/tree", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["nvtrap check: --format json|sarif and --severity apply to rule files; with --kernel the check prints text."], result.ErrorLines);
    }

    [Fact]
    public void Help_says_json_and_sarif_are_not_capped()
    {
        var result = Tool.Run("check", "--help");

        Assert.Contains("--format json and --format sarif print every diagnostic", result.Output);
        Assert.Contains("--format <text|json|sarif>", result.Output);
        Assert.Contains("--severity <NVT0xx=LEVEL>", result.Output);
    }

    /// <summary>The help link of each diagnostic the generator reports for the file, as a build gets it.</summary>
    private static Dictionary<string, string> GeneratorHelpLinks(string path)
    {
        var compilation = CSharpCompilation.Create("Consumer", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create([new NvTrapGenerator().AsSourceGenerator()], [new FileText(path)]);
        return driver.RunGenerators(compilation).GetRunResult().Diagnostics
            .GroupBy(d => d.Id)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Descriptor.HelpLinkUri).Distinct().Single());
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(path));
    }

    private static class RepositoryPathsOfTests
    {
        public static string Folder => Path.Combine(AppContext.BaseDirectory, "Checking");
    }
}
