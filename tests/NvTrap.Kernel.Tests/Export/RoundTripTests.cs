using NvTrap.Kernel.Export;
using NvTrap.Kernel.Import;
using NvTrap.Kernel.Tests.Infrastructure;

namespace NvTrap.Kernel.Tests.Export;

/// <summary>import(export(R)) decides and tables as R.</summary>
public class RoundTripTests
{
    private static string LinuxRules => Path.Combine(AppContext.BaseDirectory, "LinuxRules", "linux-6.6");

    private static SortedDictionary<string, string> RoundTrip(IReadOnlyList<KeyValuePair<string, string>> files, out ExportedTree tree)
    {
        var original = RulesetModel.Bound(files);
        var problems = new List<ExportProblem>();
        tree = KernelCExporter.Export(original, problems) ?? throw new Xunit.Sdk.XunitException(string.Join("\n", problems.Select(p => p.Message)));
        using var folder = new TempTree();
        foreach (var (path, text) in tree.Files)
        {
            folder.With(path, text);
        }

        var imported = KernelImporter.Import(new ImportRequest(folder.Root, folder.PathOf(KernelCExporter.OverlayFile), Array.Empty<string>()));
        Assert.False(imported.HasErrors, string.Join("\n", imported.Diagnostics.Select(d => d.ToDisplayString())));
        var again = RulesetModel.Bound(RulesetWriter.Write(imported.Ruleset!).Files);
        Assert.Equal(RulesetModel.Describe(original), RulesetModel.Describe(again));
        return RulesetModel.Describe(again);
    }

    [Fact]
    public void The_linux_6_6_ruleset_survives_export_and_import()
    {
        var model = RoundTrip(RulesetModel.Read(LinuxRules), out var tree);
        Assert.Equal(6105, model.Keys.Where(k => k.StartsWith("encoding ", StringComparison.Ordinal)).Select(k => k.Substring(9, 4)).Distinct().Count());
        Assert.Contains("\tSR_TRAP(SYS_TTBR0_EL1,\tCGT_HCR_TVM_TRVM),\n", tree.Tables);
        Assert.Contains("\tMCB(CGT_HCR_TVM_TRVM, CGT_HCR_TVM, CGT_HCR_TRVM),\n", tree.Tables);
        Assert.Contains("\tCCC(CGT_CNTHCTL_EL1PCTEN, check_cnthctl_el1pcten),\n", tree.Tables);
        Assert.Contains("\t\t.mask\t\t= HCR_EL2_NV | HCR_EL2_NV2,\n", tree.Tables);
        Assert.Contains("\tSR_FGT(SYS_TPIDR2_EL0,\tHFGxTR, nTPIDR2_EL0, 0),\n", tree.Tables);
        Assert.Contains("__MULTIPLE_CONTROL_BITS__,\n\tCGT_HCR_IMO_FMO = __MULTIPLE_CONTROL_BITS__,", tree.Tables);
    }

    [Fact]
    public void A_ruleset_with_ranges_numbered_bits_and_no_catalogue_survives_export_and_import()
    {
        var files = new[]
        {
            new KeyValuePair<string, string>("r.nvtrap.yaml", """
                ruleset: small
                registers:
                  CTL_EL2: { encoding: S3_4_C1_C1_0, fields: { A: 3, B: [7, 4] } }
                  FG_EL2: { encoding: S3_4_C1_C1_4, res0: [[63, 8]], fields: { X: 2 } }
                controls:
                  C_A: { register: CTL_EL2, mask: A, value: A, forward: read }
                  C_B: { register: CTL_EL2, mask: B, value: 0x20, forward: write }
                  C_ODD: { register: CTL_EL2, mask: 0x103, value: 0x1, forward: any }
                conditions:
                  K: { forward: any, when: "CTL_EL2.B == 3 && op2 == 1" }
                combinations:
                  C_A_K: [C_A, K]
                fine_grained:
                  FG: { both: FG_EL2 }
                traps:
                  - { group: C_A, range: [S3_0_C11_C0_0, S3_0_C11_C2_7] }
                  - { group: C_B, sysreg: S3_0_C1_C0_1 }
                  - { group: C_ODD, sysreg: [3, 0, 1, 0, 2] }
                  - { group: C_A_K, sysreg: S3_0_C1_C0_3 }
                fine_grained_traps:
                  - { sysreg: S3_0_C1_C0_1, bit: FG.X, trap_when: set }
                  - { range: [S3_0_C12_C0_0, S3_0_C12_C0_7], bit: "FG[5]", trap_when: clear }
                """),
        };
        var model = RoundTrip(files, out var tree);
        Assert.Equal("combination C_A,K", model["group C_A_K"]);
        Assert.Contains("\t\t.mask\t\t= 0x103UL,\n", tree.Tables);
        Assert.Contains("SR_FGT_RANGE(sys_reg(3, 0, 12, 0, 0),", tree.Tables);
    }
}
