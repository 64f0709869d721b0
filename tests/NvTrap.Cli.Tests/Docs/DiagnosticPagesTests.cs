using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NvTrap.Cli.Tests.Infrastructure;
using NvTrap.Compiler;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Semantics;
using NvTrap.Generator;
using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Docs;

/// <summary>
/// Every page of docs/diagnostics against the code: its title and severity are the descriptor's,
/// and every example diagnostic it prints is exactly what the compiler, the generator or the
/// tool prints for the example's input. A message changed in code without its page fails here.
/// </summary>
[Collection(CurrentFolderCollection.Name)]
public partial class DiagnosticPagesTests
{
    private static readonly string PagesDirectory = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics");

    public static TheoryData<string> Ids => new(Descriptors.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_states_the_descriptors_title_and_severity(string id)
    {
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        string path = Path.Combine(PagesDirectory, id + ".md");
        Assert.True(File.Exists(path), $"docs/diagnostics/{id}.md is missing");
        var lines = File.ReadAllLines(path);
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        Assert.Contains($"**Severity:** {(descriptor.Severity == RuleSeverity.Error ? "error" : "warning")} · **Category:** `{descriptor.Category}`", lines);
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(PagesDirectory, "README.md")));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_example_prints_what_the_code_prints(string id)
    {
        var blocks = Blocks(File.ReadAllText(Path.Combine(PagesDirectory, id + ".md")));
        int examples = 0;
        string? yaml = null;
        string? previousYaml = null;
        string? csharp = null;
        foreach (var (language, text) in blocks)
        {
            switch (language)
            {
                case "yaml":
                    previousYaml = yaml;
                    yaml = text;
                    continue;
                case "csharp":
                    csharp = text;
                    continue;
                case "text":
                    break;
                default:
                    continue;
            }

            var expected = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (expected.Length > 0 && expected[0].StartsWith("$ nvtrap ", StringComparison.Ordinal))
            {
                Assert.Equal(expected.Skip(1), RunTool(expected[0]["$ nvtrap ".Length..], yaml!, previousYaml));
                examples++;
                continue;
            }

            var printed = expected.Where(l => DiagnosticLine().IsMatch(l)).ToList();
            if (printed.Count == 0)
            {
                continue;
            }

            string file = DiagnosticLine().Match(printed[0]).Groups["path"].Value;
            Assert.Equal(printed, Produce(id, file, yaml, csharp, printed.Count));
            examples++;
        }

        Assert.True(examples > 0, $"docs/diagnostics/{id}.md has no example this test can check");
    }

    /// <summary>What the code prints for an example: the input the page shows, or for pages whose input cannot be shown whole, the input it describes.</summary>
    private static List<string> Produce(string id, string file, string? yaml, string? csharp, int lines)
    {
        switch (id)
        {
            case "NVT040":
                return Check(file, DiagnosticCases.ManyGroups(1024, "example"), id);
            case "NVT041":
                return Check(file, DiagnosticCases.ManyFineGrainedGroups(16, "example", "FG"), id);
            case "NVT043":
                return Check(file, DiagnosticCases.ManyRegisters(33, "example"), id);
            case "NVT045":
                // The page abbreviates 32 filters F1 ... F32 on one register bit.
                return Check(file, "ruleset: example\nregisters:\n  HCRX_EL2: { fields: { FGTnXS: 4 } }\nfilters:\n" + string.Concat(Enumerable.Range(1, 32).Select(i => $"  F{i}: \"HCRX_EL2.FGTnXS\"\n")), id);
            case "NVT046":
                // The page abbreviates 17 parameters P1 ... P17.
                return Check(file, "ruleset: example\nparameters:\n" + string.Concat(Enumerable.Range(1, 17).Select(i => $"  P{i}: {{ default: 0, range: 0..1 }}\n")), id);
            case "NVT042":
                return [PackingOverflow(file)];
            case "NVT044":
                return [HashFailure(file, yaml!)];
            case "NVT004" when file == "b.nvtrap.yaml":
                // The page describes a second file redefining the first file's control.
                string first = string.Join('\n', yaml!.Split('\n').Where((_, i) => i != 5));
                return RuleCompiler.Compile([new RuleSource("a.nvtrap.yaml", first), new RuleSource(file, "ruleset: example\ncontrols:\n  HCR_TVM: { register: HCR_EL2, mask: TRVM, value: TRVM, forward: read }\n")])
                    .Diagnostics.Select(d => d.ToDisplayString()).ToList();
            case "NVT090":
                return Generate(file, null, [new FailingText(file, new IOException("Input/output error"))]);
            case "NVT001" when file != "example.nvtrap.yaml":
                return Generate(file, null, [new FailingText(file, null)]);
            case "NVT080":
                return Generate(file, csharp, [new FileText("example.nvtrap.yaml", yaml ?? "ruleset: example\n")]);
            case "NVT081":
                return Generate(file, csharp, [new FileText("example.nvtrap.yaml", "ruleset: example\nregisters:\n  R: { fields: { A: 0 } }\ncontrols:\n  C: { register: R, mask: A, value: A, forward: any }\ntraps:\n  - { group: C, sysreg: S3_0_C1_C0_0 }\n")]);
        }

        Assert.True(yaml is not null, $"{id}: an example diagnostic comes before any yaml block");
        var all = RuleCompiler.Compile([new RuleSource(file, yaml!)]).ShownDiagnostics.Select(d => d.ToDisplayString()).ToList();
        return all.Count == lines ? all : all.Where(l => l.Contains($" {id}: ", StringComparison.Ordinal)).ToList();
    }

    private static List<string> Check(string file, string yaml, string id) =>
        RuleCompiler.Compile([new RuleSource(file, yaml)]).Diagnostics.Where(d => d.Id == id).Select(d => d.ToDisplayString()).ToList();

    /// <summary>NVT042 cannot come from a rule file the checker accepts: lower a bound model directly, as the page describes.</summary>
    private static string PackingOverflow(string file)
    {
        var span = new NvTrap.Compiler.Common.SourceSpan(file, 0, 0, 12, 5, 12, 5);
        var groups = Enumerable.Range(1, 1100).Select(id => (BoundGroup)new BoundControl(id, $"G{id}", span, 0, 1, 1, NvTrap.Compiler.Contract.TrapBehaviour.Any)).ToList();
        var bound = new BoundRuleset("example", [file], [new BoundRegister(0, "R", null, new Dictionary<string, (int, int)>(), 0, 0, false, span)], groups, [], [new CoarseEntry(SysRegEncoding.Parse("S3_0_C1_C0_0").Value, SysRegEncoding.Parse("S3_0_C1_C0_0").Value, 1100, false, span)], [], [], [1100]);
        var diagnostics = new List<RuleDiagnostic>();
        Assert.Null(Lowerer.Lower(bound, diagnostics));
        return Assert.Single(diagnostics).ToDisplayString();
    }

    /// <summary>NVT044 cannot come from a rule file: lower the page's valid file with no table sizes to try, as the page describes.</summary>
    private static string HashFailure(string file, string yaml)
    {
        var compilation = RuleCompiler.Compile([new RuleSource(file, yaml)]);
        Assert.Empty(compilation.Diagnostics);
        var diagnostics = new List<RuleDiagnostic>();
        Assert.Null(Lowerer.Lower(compilation.Bound.Single(), diagnostics, hashAttempts: 0));
        return Assert.Single(diagnostics).ToDisplayString();
    }

    /// <summary>Runs the generator as a build does and prints its diagnostics as the C# compiler does.</summary>
    private static List<string> Generate(string file, string? csharp, AdditionalText[] texts)
    {
        var trees = csharp is null ? Array.Empty<SyntaxTree>() : [CSharpSyntaxTree.ParseText(csharp, path: file)];
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(NvTrapRulesetAttribute).Assembly.Location));
        var compilation = CSharpCompilation.Create("Docs", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create([new NvTrapGenerator().AsSourceGenerator()], texts.ToImmutableArray());
        return driver.RunGenerators(compilation).GetRunResult().Diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {(d.Severity == DiagnosticSeverity.Error ? "error" : "warning")} {d.Id}: {d.GetMessage()}";
        }).ToList();
    }

    /// <summary>
    /// Runs <c>nvtrap</c> in a folder holding the page's rule file under the name the command line uses.
    /// A command with <c>--vm FILE</c> needs a VM profile as well: the page then shows the rule file and,
    /// in the yaml block after it, the profile, so the rule file is <paramref name="previousYaml"/> and
    /// the profile <paramref name="yaml"/>.
    /// </summary>
    private static IEnumerable<string> RunTool(string commandLine, string yaml, string? previousYaml)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var directory = new TempDirectory();
        string ruleFile = args.Single(a => a.EndsWith(".nvtrap.yaml", StringComparison.Ordinal));
        int vm = Array.IndexOf(args, "--vm");
        if (vm >= 0)
        {
            Assert.True(previousYaml is not null, "a --vm example needs a yaml block for the rules and one after it for the VM profile");
            directory.Write(ruleFile, previousYaml!);
            directory.Write(args[vm + 1], yaml);
        }
        else
        {
            directory.Write(ruleFile, yaml);
        }

        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = directory.Path;
        try
        {
            var result = Tool.Run(args);
            return (result.Output + result.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private static List<(string Language, string Text)> Blocks(string markdown)
    {
        var blocks = new List<(string, string)>();
        foreach (Match match in Fence().Matches(markdown.Replace("\r\n", "\n")))
        {
            blocks.Add((match.Groups["language"].Value, match.Groups["text"].Value));
        }

        return blocks;
    }

    [GeneratedRegex(@"^```(?<language>\w*)\n(?<text>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(?<path>\S+)\(\d+,\d+\): (error|warning) NVT\d{3}: ")]
    private static partial Regex DiagnosticLine();

    private sealed class FileText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    /// <summary>A rule file that cannot be read: it throws <paramref name="failure"/>, or has no text when that is null.</summary>
    private sealed class FailingText(string path, Exception? failure) : AdditionalText
    {
        public override string Path => path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => failure is null ? null : throw failure;
    }
}
