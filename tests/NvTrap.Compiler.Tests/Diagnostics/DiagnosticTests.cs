using NvTrap.Compiler;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Syntax;
using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Diagnostics;

// This project sees the runtime (namespace NvTrap) and the compiler's copy of the contract: use the compiler's.
using TrapBehaviour = NvTrap.Compiler.Contract.TrapBehaviour;
using TrapConfigLayout = NvTrap.Compiler.Contract.TrapConfigLayout;

/// <summary>Every diagnostic id, triggered by a small rule file, with its severity and exact location.</summary>
public class DiagnosticTests
{
    public static TheoryData<string> CaseIds => new(DiagnosticCases.All().Select(c => c.Id));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Each_diagnostic_is_reported_once_at_the_offending_node(string id)
    {
        var @case = DiagnosticCases.All().Single(c => c.Id == id);
        var files = new List<(string, string)> { (@case.File, @case.Yaml) };
        if (@case.OtherFile is not null)
        {
            files.Add(("a.nvtrap.yaml", @case.OtherFile));
        }

        var diagnostics = Rules.Diagnostics(files.ToArray());
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        var matching = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got:\n{string.Join("\n", diagnostics)}");
        var diagnostic = matching[0];

        // The case's diagnostic is the only error (warnings such as unused groups may accompany it).
        Assert.True(diagnostics.Count(d => d.IsError) == (descriptor.Severity == RuleSeverity.Error ? 1 : 0), string.Join("\n", diagnostics));
        Assert.Equal(descriptor.Severity, diagnostic.Severity);
        Assert.Equal(@case.File, diagnostic.Span.Path);
        Assert.Equal(@case.Line, diagnostic.Span.StartLine);
        int column = @case.Token.Length == 0 ? diagnostic.Span.StartColumn : Rules.ColumnOf(@case.Yaml, @case.Line, @case.Token);
        Assert.Equal(column, diagnostic.Span.StartColumn);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        Assert.StartsWith($"{@case.File}({@case.Line},{column}): {(diagnostic.IsError ? "error" : "warning")} {id}: ", diagnostic.ToDisplayString());
    }

    [Fact]
    public void Every_descriptor_has_a_case_here_or_a_dedicated_test()
    {
        // NVT100 and NVT102 come from VM profile files, tested through the tool (VmModelCommandTests).
        // NVT091 sums up a flood of others (DiagnosticFloodTests in the generator's tests).
        var dedicated = new[] { "NVT042", "NVT044", "NVT080", "NVT081", "NVT082", "NVT090", "NVT091", "NVT100", "NVT102" };
        var covered = DiagnosticCases.All().Select(c => c.Id).Concat(dedicated).ToHashSet();
        Assert.DoesNotContain(Descriptors.All, d => !covered.Contains(d.Id));
    }

    [Fact]
    public void Unknown_names_suggest_the_closest_known_name()
    {
        var diagnostics = Rules.Diagnostics(("a.nvtrap.yaml", DiagnosticCases.Base.Replace("{ group: M1, sysreg", "{ group: M11, sysreg")));
        Assert.Contains("Did you mean 'M1'?", Assert.Single(diagnostics, d => d.Id == "NVT012").Message);
        var keys = Rules.Diagnostics(("a.nvtrap.yaml", "ruleset: t\nregisters:\n  R: { fields: { A: 0 }, encodng: S3_4_C1_C1_0 }\n"));
        Assert.Contains("Did you mean 'encoding'?", Assert.Single(keys, d => d.Id == "NVT002").Message);
    }

    [Fact]
    public void An_overlap_names_both_locations()
    {
        var text = DiagnosticCases.Base.Replace("  - { group: M1, sysreg: S3_0_C1_C0_0 }", "  - { group: M1, sysreg: S3_0_C1_C0_0 }\n  - { group: C1, range: [S3_0_C0_C0_0, S3_0_C1_C15_7] }");
        var overlap = Assert.Single(Rules.Diagnostics(("a.nvtrap.yaml", text)), d => d.Id == "NVT023");
        Assert.NotNull(overlap.Related);
        Assert.Equal(13, overlap.Related!.StartLine);
        Assert.Contains("a.nvtrap.yaml(13,", overlap.Message);
        Assert.Contains("S3_0_C1_C0_0", overlap.Message);
    }

    [Fact]
    public void A_recursive_combination_names_the_chain_including_cycles()
    {
        var text = DiagnosticCases.Base.Replace("  M1: [C1, C2]", "  M1: [C1, M2]\n  M2: [M1]");
        var messages = Rules.Diagnostics(("a.nvtrap.yaml", text)).Where(d => d.Id == "NVT030").Select(d => d.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("M1 -> M2 -> M1 is a cycle"));
    }

    [Fact]
    public void A_packed_config_that_overflows_its_field_is_reported_at_its_entry()
    {
        // Unreachable through the checker (NVT040 stops it first): lower directly to prove the guard.
        var span = new SourceSpan("a.nvtrap.yaml", 10, 20, 4, 3, 4, 13);
        var bound = new BoundRuleset(
            "t",
            new[] { "a.nvtrap.yaml" },
            new[] { new BoundRegister(0, "R", null, new Dictionary<string, (int, int)>(), 0, 0, false, span) },
            Enumerable.Range(1, 1100).Select(id => (BoundGroup)new BoundControl(id, $"G{id}", span, 0, 1, 1, TrapBehaviour.Any)).ToList(),
            Array.Empty<BoundFineGrainedGroup>(),
            new[] { new CoarseEntry(5, 5, 1100, false, span) },
            Array.Empty<FineGrainedEntry>(),
            Array.Empty<CatalogueEntry>(),
            new[] { 1100 });
        var diagnostics = new List<RuleDiagnostic>();
        Assert.Null(Lowerer.Lower(bound, diagnostics));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NVT042", diagnostic.Id);
        Assert.Equal(RuleSeverity.Error, diagnostic.Severity);
        Assert.Equal((4, 3), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Contains("group id 1100 does not fit the 10-bit field", diagnostic.Message);
    }

    [Fact]
    public void A_failed_perfect_hash_search_is_reported_not_thrown()
    {
        var compilation = Rules.Compile(("a.nvtrap.yaml", DiagnosticCases.Base));
        var bound = compilation.Bound.Single();
        var diagnostics = new List<RuleDiagnostic>();
        Assert.Null(Lowerer.Lower(bound, diagnostics, hashAttempts: 0));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NVT044", diagnostic.Id);
        Assert.Equal(RuleSeverity.Error, diagnostic.Severity);
        Assert.Equal(("a.nvtrap.yaml", 1, 1), (diagnostic.Span.Path, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Fact]
    public void A_csharp_condition_blocks_interpretation_at_its_method_name()
    {
        string text = DiagnosticCases.Base.Replace("combinations:", "conditions:\n  K: { forward: read, csharp: IsK }\ncombinations:")
            .Replace("fine_grained_traps:", "  - { group: K, sysreg: S3_0_C5_C0_0 }\nfine_grained_traps:");
        var compilation = Rules.Compile(("a.nvtrap.yaml", text));
        Assert.Empty(compilation.Diagnostics);
        var blocker = Assert.Single(RuleCompiler.InterpretationBlockers(compilation.Bound.Single()));
        Assert.Equal("NVT082", blocker.Id);
        Assert.Equal(RuleSeverity.Error, blocker.Severity);
        Assert.Equal((9, Rules.ColumnOf(text, 9, "IsK")), (blocker.Span.StartLine, blocker.Span.StartColumn));
        Assert.Contains("write it as a 'when:' expression", blocker.Message);
    }

    [Fact]
    public void Packing_rejects_each_overflowing_field_and_the_mbz_bit()
    {
        Assert.NotNull(TrapConfigLayout.TryPack(1023, 15, 63, 1, 31, out _));
        Assert.Null(TrapConfigLayout.TryPack(1024, 0, 0, 0, 0, out var group));
        Assert.Contains("[9:0]", group);
        Assert.Null(TrapConfigLayout.TryPack(1, 16, 0, 0, 0, out var fgt));
        Assert.Contains("[13:10]", fgt);
        Assert.Null(TrapConfigLayout.TryPack(1, 1, 64, 0, 0, out var bit));
        Assert.Contains("[19:14]", bit);
        Assert.Null(TrapConfigLayout.TryPack(1, 1, 0, 2, 0, out var polarity));
        Assert.Contains("[20]", polarity);
        Assert.Null(TrapConfigLayout.TryPack(1, 1, 0, 0, 32, out var filter));
        Assert.Contains("[25:21]", filter);
        Assert.False(TrapConfigLayout.Validate(1UL << 63, out var mbz));
        Assert.Contains("bit 63", mbz);
        Assert.False(TrapConfigLayout.Validate(1UL << 30, out var unused));
        Assert.Contains("no field uses", unused);
    }

    [Fact]
    public void A_clean_ruleset_has_no_diagnostics()
    {
        Assert.Empty(Rules.Diagnostics(("a.nvtrap.yaml", DiagnosticCases.Base)));
    }

    [Fact]
    public void Errors_never_lower_a_ruleset()
    {
        var compilation = Rules.Compile(("a.nvtrap.yaml", DiagnosticCases.Base.Replace("bit: G.X", "bit: G.Y")));
        Assert.True(compilation.HasErrors);
        Assert.Null(compilation.Find("t")!.Lowered);
    }
}
