using Microsoft.CodeAnalysis;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Generator.Tests.Infrastructure;
using NvTrap.Testing;

namespace NvTrap.Generator.Tests.Generator;

/// <summary>The generator as Roslyn runs it: emitted source, diagnostics and their locations.</summary>
public class GeneratorTests
{
    private const string Target = """
        namespace Sample;

        [NvTrap.NvTrapRuleset("t")]
        public static partial class SampleTraps
        {
        }
        """;

    // Every construct the emitter writes: a sanitised register (RES0 and RES1), each kind of
    // group, a host-EL0 behaviour, a parameter, a filter and a context with host EL0.
    internal const string SnapshotRules = """
        ruleset: t
        context:
          hypervisor: "el == 2 || R.B"
          host_el0: "el != 2"
        parameters:
          N: { default: 2, range: 0..7 }
        registers:
          R: { res1: [9], fields: { A: 0, B: 1, W: [7, 4], ON: 9 } }
          F: { res0: [[63, 4], [2, 0]], fields: { X: 3 } }
        controls:
          C1: { register: R, mask: A, value: A, forward: any }
          C2: { register: R, mask: B, value: [], forward: read, in_host_el0: true }
        combinations:
          M1: [C1, C2]
        conditions:
          K: { forward: write, when: "R.W == 5 && crm != 0" }
          P: { forward: read, in_host_el0: true, when: "op2 >= N" }
        filters:
          FX: "R.W == 1"
        fine_grained:
          G: { both: F }
        traps:
          - { group: M1, sysreg: S3_0_C1_C0_0 }
          - { group: K, range: [S3_0_C15_C0_0, S3_0_C15_C1_7] }
          - { group: P, range: [S3_0_C15_C2_0, S3_0_C15_C2_7] }
        fine_grained_traps:
          - { sysreg: S3_0_C1_C0_1, bit: G.X, trap_when: set }
          - { sysreg: S3_0_C1_C0_2, bit: G.X, trap_when: set, filter: FX }
        sysregs:
          SCTLR_EL1: S3_0_C1_C0_0
          ACTLR_EL1: S3_0_C1_C0_1
          AUXR_EL1: S3_0_C1_C0_2
        """;

    [Fact]
    public void Generated_api_matches_the_approved_snapshot_and_everything_compiles_without_warnings()
    {
        var (result, output, diagnostics) = GeneratorHarness.Run(new[] { Target }, GeneratorHarness.Yaml("rules/t.nvtrap.yaml", SnapshotRules));
        Assert.Empty(diagnostics);
        Assert.Equal(2, result.GeneratedTrees.Length);
        var api = Assert.Single(result.GeneratedTrees, t => t.FilePath.EndsWith("Sample.SampleTraps.NvTrap.g.cs", StringComparison.Ordinal));
        Assert.Single(result.GeneratedTrees, t => t.FilePath.EndsWith("Sample.SampleTraps.NvTrap.Tables.g.cs", StringComparison.Ordinal));
        Snapshot.Match("SampleTraps.Api", api.ToString());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Lowered_tables_match_the_approved_dump()
    {
        var compilation = Rules.Compile(("rules/t.nvtrap.yaml", SnapshotRules));
        Assert.Empty(compilation.Diagnostics);
        Snapshot.Match("SampleTraps.Tables", TableDump.Render(compilation.Find("t")!.Lowered!), ".txt");
    }

    [Fact]
    public void Every_generated_type_is_marked_as_generated_code()
    {
        var (result, _, _) = GeneratorHarness.Run(new[] { Target }, GeneratorHarness.Yaml("rules/t.nvtrap.yaml", SnapshotRules));
        foreach (var tree in result.GeneratedTrees)
        {
            var root = tree.GetRoot();
            var types = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
                .Where(t => t.Identifier.Text != "SampleTraps");
            Assert.NotEmpty(types);
            Assert.All(types, t => Assert.Contains(t.AttributeLists.SelectMany(a => a.Attributes), a => a.Name.ToString().EndsWith("GeneratedCode", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Rule_errors_are_reported_at_their_yaml_location()
    {
        string broken = DiagnosticCases.Base.Replace("{ group: M1, sysreg", "{ group: M9, sysreg");
        var (result, _, diagnostics) = GeneratorHarness.Run(new[] { Target }, GeneratorHarness.Yaml("/repo/rules/broken.nvtrap.yaml", broken));
        var diagnostic = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NVT012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/repo/rules/broken.nvtrap.yaml", span.Path);
        Assert.Equal((12, 13), (span.StartLinePosition.Line, span.StartLinePosition.Character)); // 0-based: line 13, column 14
        Assert.All(result.GeneratedTrees, tree => Assert.Contains(StandInTests.StandInHeader, tree.ToString()));
    }

    [Fact]
    public void A_ruleset_with_no_files_is_reported_at_the_attribute()
    {
        var (_, _, diagnostics) = GeneratorHarness.Run(new[] { Target.Replace("\"t\"", "\"missing\"") }, GeneratorHarness.Yaml("t.nvtrap.yaml", DiagnosticCases.Base));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NVT080", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("known rulesets: t", diagnostic.GetMessage());
    }

    [Fact]
    public void A_class_that_is_not_partial_is_reported()
    {
        var (_, _, diagnostics) = GeneratorHarness.Run(new[] { Target.Replace("static partial class", "static class") }, GeneratorHarness.Yaml("t.nvtrap.yaml", DiagnosticCases.Base));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NVT081", diagnostic.Id);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("must be declared 'partial'", diagnostic.GetMessage());
    }

    [Fact]
    public void A_failure_inside_the_generator_becomes_NVT090_not_an_exception()
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(new[] { Target }, new ThrowingAdditionalText("/repo/rules/t.nvtrap.yaml"));
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "NVT090");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/repo/rules/t.nvtrap.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("IOException: disk on fire", diagnostic.GetMessage());
    }

    [Fact]
    public void Non_rule_additional_files_are_ignored()
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(new[] { Target }, GeneratorHarness.Yaml("t.nvtrap.yaml", SnapshotRules), GeneratorHarness.Yaml("other.yaml", "not: [valid"));
        Assert.Empty(diagnostics);
        Assert.Equal(2, result.GeneratedTrees.Length);
    }

    [Fact]
    public void A_ruleset_that_reads_no_register_compiles_without_warnings()
    {
        // Its State stores nothing: an empty register file would be a field nothing writes (CS0649).
        const string rules = """
            ruleset: t
            conditions:
              K: { forward: any, when: "crm == 1 && el == 1" }
            traps:
              - { group: K, range: [S3_0_C15_C0_0, S3_0_C15_C1_7] }
            """;
        var outcome = CheckBuildAgreement.Verify(rules, semantics: true);

        Assert.False(outcome.HasErrors);
        Assert.Contains("public readonly ulong ReadRegister(int register) => 0UL;", outcome.GeneratedText);
    }

    [Fact]
    public void A_rule_file_listed_twice_is_compiled_once()
    {
        // The package's glob and a hand-written AdditionalFiles item can both name one file.
        var (result, _, diagnostics) = GeneratorHarness.Run(new[] { Target }, GeneratorHarness.Yaml("/p/rules/t.nvtrap.yaml", SnapshotRules), GeneratorHarness.Yaml("/p/rules/t.nvtrap.yaml", SnapshotRules));
        Assert.Empty(diagnostics);
        Assert.Equal(2, result.GeneratedTrees.Length);
    }

    [Fact]
    public void Nested_targets_in_a_partial_type_are_supported()
    {
        string nested = "namespace N { public partial class Outer { [NvTrap.NvTrapRuleset(\"t\")] internal static partial class Inner { } } }";
        var (result, output, diagnostics) = GeneratorHarness.Run(new[] { nested }, GeneratorHarness.Yaml("t.nvtrap.yaml", SnapshotRules));
        Assert.Empty(diagnostics);
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("N.Outer.Inner.NvTrap.g.cs", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_csharp_condition_becomes_a_partial_method_the_user_implements()
    {
        string rules = SnapshotRules.Replace("K: { forward: write, when: \"R.W == 5 && crm != 0\" }", "K: { forward: write, csharp: IsK }");
        var (_, missing, _) = GeneratorHarness.Run(new[] { Target }, GeneratorHarness.Yaml("t.nvtrap.yaml", rules));
        Assert.Contains(missing.GetDiagnostics(), d => d.Id == "CS8795"); // partial method must have an implementation

        string implemented = Target.Replace("{\n}", "{\n    private static partial bool IsK<TState>(ref TState state, NvTrap.SysRegEncoding encoding) where TState : struct, NvTrap.IVcpuState => encoding.CRm == 1;\n}");
        var (_, output, diagnostics) = GeneratorHarness.Run(new[] { implemented }, GeneratorHarness.Yaml("t.nvtrap.yaml", rules));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Roslyn_descriptors_are_derived_from_the_compiler_cores_list_with_help_links()
    {
        var roslyn = RoslynDiagnostics.All.ToDictionary(d => d.Id);
        Assert.Equal(Descriptors.All.Count, roslyn.Count);
        foreach (var core in Descriptors.All)
        {
            var descriptor = roslyn[core.Id];
            Assert.Equal(core.Title, descriptor.Title.ToString());
            Assert.Equal(core.Category, descriptor.Category);
            Assert.Equal(core.Severity == RuleSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.Equal($"https://github.com/nvtrap/nvtrap/blob/main/docs/diagnostics/{core.Id}.md", descriptor.HelpLinkUri);
        }
    }
}
