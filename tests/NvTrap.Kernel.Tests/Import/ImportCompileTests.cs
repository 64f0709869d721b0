using NvTrap.Kernel.Import;
using NvTrap.Kernel.Tests.Infrastructure;

namespace NvTrap.Kernel.Tests.Import;

/// <summary>Import, write and compile with the rule compiler, then decide.</summary>
public class ImportCompileTests
{
    // The compiler does not accept filters and non-0x18 bits yet: the compiled variant of the fixture leaves them out.
    private static readonly string CompilableTables = Fixtures.Tables
        .Replace("\tSR_FGF(SYS_GAMMA_EL1,\tFGTR, GAMMA, 1, CTL_FILTER),\n", "\tSR_FGT(SYS_GAMMA_EL1,\tFGTR, GAMMA, 1),\n")
        .Replace("\tCTL_FILTER,\n", string.Empty)
        .Replace("\tFGT(FGTR, BETA, 1),\n", string.Empty);

    private static readonly string CompilableOverlay = Fixtures.Overlay.Replace("filters:\n  CTL_FILTER: \"CTL_EL2.TA\"\n", string.Empty);

    private static WrittenRuleset Written(string tables, string overlay)
    {
        using var tree = Fixtures.Tree(tables, overlay);
        var result = KernelImporter.Import(new ImportRequest(tree.Root, tree.PathOf("overlay.yaml"), Array.Empty<string>(), TempTree.ReadFile));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.ToDisplayString())));
        return RulesetWriter.Write(result.Ruleset!);
    }

    [Fact]
    public void The_files_follow_the_rules_layout_and_carry_kernel_lines()
    {
        var written = Written(Fixtures.Tables, Fixtures.Overlay);
        Assert.Equal(
            new[] { "controls/ctl_el2.nvtrap.yaml", "fine-grained/fgtr.nvtrap.yaml", "fine-grained/groups.nvtrap.yaml", "sysregs/instructions.nvtrap.yaml", "sysregs/registers.nvtrap.yaml", "traps/ctl_el2.nvtrap.yaml" },
            written.Files.Keys);
        string traps = written.Files["traps/ctl_el2.nvtrap.yaml"];
        Assert.Contains($"  - {{ group: CTL_ONE_nTWO, sysreg: TABLE3_EL1 }}  # arch/arm64/kvm/emulate-nested.c:{Fixtures.LineOf("SYS_TABLEn_EL1(3)")}\n", traps);
        Assert.Contains("  - { group: CTL_TB, range: [S3_1_C11_C0_0, S3_1_C11_C15_7] }", traps);
        string controls = written.Files["controls/ctl_el2.nvtrap.yaml"];
        Assert.Contains("  CTL_ONE_nTWO: { register: CTL_EL2, mask: [ONE, TWO], value: ONE, forward: any }", controls);
        Assert.Contains("  CTL_TB: { register: CTL_EL2, mask: TB, value: [], forward: write }", controls);
        Assert.Contains("  CTL_TA_TB: [CTL_TA, CTL_TB]", controls);
        Assert.Contains("    when: \"CTL_EL2.MODE != 0\"", controls);
        string fine = written.Files["fine-grained/fgtr.nvtrap.yaml"];
        Assert.Contains("  - { sysreg: GAMMA_EL1, bit: FGTR.GAMMA, trap_when: set, filter: CTL_FILTER }", fine);
        Assert.Contains("fine_grained_non_sysreg:\n  - { bit: FGTR.BETA, trap_when: set }", fine);
        Assert.Contains("  FGTR: { read: FGTR_EL2, write: FGTW_EL2 }", written.Files["fine-grained/groups.nvtrap.yaml"]);
        Assert.Contains("  CTL_FILTER: \"CTL_EL2.TA\"", written.Files["fine-grained/groups.nvtrap.yaml"]);

        int line = traps.Split('\n').ToList().FindIndex(l => l.Contains("TABLE3_EL1")) + 1;
        Assert.Equal(Fixtures.LineOf("SYS_TABLEn_EL1(3)"), written.Origin("traps/ctl_el2.nvtrap.yaml", line)!.Value.Line);
    }

    [Fact]
    public void The_import_compiles_and_decides_as_the_kernel_tables_say()
    {
        var written = Written(CompilableTables, CompilableOverlay);
        var ruleset = RulesetModel.Bound(written.Files);
        ushort alpha = (ushort)((3 << 14) | (0 << 11) | (2 << 7) | (0 << 3) | 0);
        ushort beta = (ushort)(alpha + 1);
        ushort table3 = (ushort)((3 << 14) | (5 << 7) | (3 << 3));
        ushort impdef = (ushort)((3 << 14) | (1 << 11) | (11 << 7) | (7 << 3) | 5);
        var none = new Dictionary<string, ulong>();
        var ta = new Dictionary<string, ulong> { ["CTL_EL2"] = 1UL << 9, ["FGTR_EL2"] = 1UL << 7, ["FGTW_EL2"] = 1UL << 7 };

        // ALPHA_EL1: fine-grained nALPHA traps while clear; then HCR-style TA forwards reads.
        Assert.True(RulesetModel.Forwards(ruleset, alpha, read: true, none));
        Assert.True(RulesetModel.Forwards(ruleset, alpha, read: true, ta));
        Assert.False(RulesetModel.Forwards(ruleset, alpha, read: false, ta));
        // BETA_EL1: TA (reads) or TB clear (writes).
        Assert.True(RulesetModel.Forwards(ruleset, beta, read: false, none));
        Assert.False(RulesetModel.Forwards(ruleset, beta, read: false, new Dictionary<string, ulong> { ["CTL_EL2"] = 1UL << 10 }));
        // TABLE3_EL1: ONE set and TWO clear.
        Assert.True(RulesetModel.Forwards(ruleset, table3, read: true, new Dictionary<string, ulong> { ["CTL_EL2"] = 1UL << 11 }));
        Assert.False(RulesetModel.Forwards(ruleset, table3, read: true, new Dictionary<string, ulong> { ["CTL_EL2"] = (1UL << 11) | (1UL << 12) }));
        // The range: every encoding in it.
        Assert.True(RulesetModel.Forwards(ruleset, impdef, read: false, none));
        Assert.Null(RulesetModel.Forwards(ruleset, (ushort)((3 << 14) | (1 << 11) | (12 << 7)), read: false, none));
    }

    [Fact]
    public void Members_of_an_indexed_macro_become_a_catalogue_family()
    {
        string tables = CompilableTables.Replace("\tSR_TRAP(SYS_TABLEn_EL1(3),\tCGT_CTL_ONE_nTWO),\n", "\tSR_TRAP(SYS_TABLEn_EL1(3),\tCGT_CTL_ONE_nTWO),\n\tSR_TRAP(SYS_TABLEn_EL1(4),\tCGT_CTL_TA),\n");
        var written = Written(tables, CompilableOverlay);
        Assert.Contains("  TABLE<n>_EL1: { n: 3..4, encoding: [3, 0, 5, n, 0] }\n", written.Files["sysregs/registers.nvtrap.yaml"]);
        var ruleset = RulesetModel.Bound(written.Files);
        Assert.Contains(ruleset.Catalogue, c => c.Name == "TABLE4_EL1" && c.Encoding == (ushort)((3 << 14) | (5 << 7) | (4 << 3)));
    }

    [Fact]
    public void Compiler_diagnostics_map_back_to_the_kernel_line()
    {
        // The same encoding twice is NVT022 in the rule compiler; it must point at the kernel's line.
        string tables = CompilableTables.Replace("\tSR_TRAP(OP_DO_THING,\t\tCGT_CTL_MODE),\n", "\tSR_TRAP(OP_DO_THING,\t\tCGT_CTL_MODE),\n\tSR_TRAP(SYS_BETA_EL1,\t\tCGT_CTL_TA),\n");
        var written = Written(tables, CompilableOverlay);
        var compilation = RulesetModel.Compile(written.Files);
        var error = compilation.Diagnostics.First(d => d.IsError);
        var origin = written.Origin(error.Span.Path, error.Span.StartLine);
        Assert.NotNull(origin);
        Assert.Equal("arch/arm64/kvm/emulate-nested.c", origin!.Value.Path);
        int duplicate = tables.Split('\n').ToList().FindIndex(l => l.Contains("SR_TRAP(SYS_BETA_EL1,\t\tCGT_CTL_TA)")) + 1;
        int first = Fixtures.LineOf("SR_TRAP(SYS_BETA_EL1,");
        Assert.Contains(origin.Value.Line, new[] { first, duplicate });

        string shown = KernelLocator.Translate(written, error.Id, error.IsError, error.Message, error.Span.Path, error.Span.StartLine, error.Span.StartColumn);
        Assert.StartsWith($"arch/arm64/kvm/emulate-nested.c({origin.Value.Line},2): error {error.Id}: ", shown);
        Assert.EndsWith($" [generated {error.Span.Path}({error.Span.StartLine},{error.Span.StartColumn})]", shown);
    }
}
