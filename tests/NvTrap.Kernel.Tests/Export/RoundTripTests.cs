using NvTrap.Compiler.Semantics;
using NvTrap.Kernel.Export;
using NvTrap.Kernel.Import;
using NvTrap.Kernel.Tests.Infrastructure;

namespace NvTrap.Kernel.Tests.Export;

/// <summary>import(export(R)) decides and tables as R, with every construct of the language the kernel's tables carry.</summary>
public class RoundTripTests
{
    private static string LinuxRules(string name) => Path.Combine(AppContext.BaseDirectory, "LinuxRules", name);

    private sealed record Trip(BoundRuleset Original, BoundRuleset Again, ExportedTree Tree, IReadOnlyList<string> Warnings, WrittenRuleset Written);

    private static Trip RoundTrip(IReadOnlyList<KeyValuePair<string, string>> files)
    {
        var original = RulesetModel.Bound(files);
        var problems = new List<ExportProblem>();
        var tree = KernelCExporter.Export(original, problems) ?? throw new Xunit.Sdk.XunitException(string.Join("\n", problems.Select(p => p.Message)));
        using var folder = new TempTree();
        foreach (var (path, text) in tree.Files)
        {
            folder.With(path, text);
        }

        var imported = KernelImporter.Import(new ImportRequest(folder.Root, folder.PathOf(KernelCExporter.OverlayFile), Array.Empty<string>(), TempTree.ReadFile));
        Assert.False(imported.HasErrors, string.Join("\n", imported.Diagnostics.Select(d => d.ToDisplayString())));
        var written = RulesetWriter.Write(imported.Ruleset!);
        var again = RulesetModel.Bound(written.Files);
        AssertSame(RulesetModel.Describe(original), RulesetModel.Describe(again));
        return new Trip(original, again, tree, imported.Diagnostics.Select(d => d.ToDisplayString()).ToList(), written);
    }

    private static void AssertSame(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        var differences = expected.Keys.Union(actual.Keys)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k}: {expected.GetValueOrDefault(k) ?? "(none)"} -> {actual.GetValueOrDefault(k) ?? "(none)"}")
            .ToList();
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n" + string.Join("\n", differences.Take(20)));
    }

    /// <summary>
    /// The encodings whose listed name changed. The kernel's tables name an encoding only where an
    /// entry spells it (a single entry, or a range's first or last encoding), so each must lie
    /// strictly inside a range and be spelled by no entry.
    /// </summary>
    private static List<string> LostNames(Trip trip)
    {
        var before = RulesetModel.Names(trip.Original);
        var after = RulesetModel.Names(trip.Again);
        Assert.Equal(before.Keys, after.Keys);
        var spelled = new HashSet<ushort>(trip.Original.CoarseEntries.SelectMany(e => new[] { e.First, e.Last })
            .Concat(trip.Original.FineGrainedEntries.SelectMany(e => new[] { e.First, e.Last })));
        var lost = new List<string>();
        foreach (var (encoding, name) in before)
        {
            if (after[encoding] == name)
            {
                continue;
            }

            Assert.False(spelled.Contains(encoding), $"{encoding:X4}: {name} became {after[encoding]}, though an entry spells it");
            Assert.Equal("-", after[encoding]);
            lost.Add(name);
        }

        return lost;
    }

    [Fact]
    public void The_linux_6_6_ruleset_survives_export_and_import()
    {
        var trip = RoundTrip(RulesetModel.Read(LinuxRules("linux-6.6")));
        var model = RulesetModel.Describe(trip.Again);
        Assert.Equal(6105, model.Keys.Where(k => k.StartsWith("encoding ", StringComparison.Ordinal)).Select(k => k.Substring(9, 4)).Distinct().Count());
        string tables = trip.Tree.Tables;
        Assert.Contains("\tSR_TRAP(SYS_TTBR0_EL1,\tCGT_HCR_TVM_TRVM),\n", tables);
        Assert.Contains("\tMCB(CGT_HCR_TVM_TRVM, CGT_HCR_TVM, CGT_HCR_TRVM),\n", tables);
        Assert.Contains("\tCCC(CGT_CNTHCTL_EL1PCTEN, check_cnthctl_el1pcten),\n", tables);
        Assert.Contains("\t\t.mask\t\t= HCR_EL2_NV | HCR_EL2_NV2,\n", tables);
        Assert.Contains("\tSR_FGT(SYS_TPIDR2_EL0,\tHFGxTR, nTPIDR2_EL0, 0),\n", tables);
        Assert.Contains("__MULTIPLE_CONTROL_BITS__,\n\tCGT_HCR_IMO_FMO = __MULTIPLE_CONTROL_BITS__,", tables);
        Assert.Contains("#define HFGxTR_EL2_nTPIDR2_EL0_SHIFT\t55\n", tables);
        Assert.Contains("#define OP_TLBI_VMALLE1IS", trip.Tree.Files["arch/arm64/include/asm/sysreg.h"]);
        // 6.6 gives is_hyp_ctxt and no host EL0; its one sanitised register's RES0 comes from the sysreg file.
        string overlay = trip.Tree.Files[KernelCExporter.OverlayFile];
        Assert.Contains("context:\n  hypervisor: \"el == 2 || HCR_EL2.TGE\"\n\n", overlay);
        Assert.Contains("  HFGRTR_EL2: { res0: sysreg }\n", overlay);
        Assert.Contains("  HFGxTR: { read: HFGRTR_EL2, write: HFGWTR_EL2 }\n", overlay);
        Assert.DoesNotContain("HFGITR:", overlay);

        // The hand-written catalogue names registers no table entry spells (six inside ranges, and
        // SPSR_EL2 and ELR_EL2 in no entry at all) and a sixteenth DBGWCR<n>_EL1 the table leaves
        // out: the overlay carries them, so nothing is lost and the coverage checks find the same.
        Assert.Empty(LostNames(trip));
        Assert.Contains("\nfamilies:\n  DBGWCR<n>_EL1: 0..15\n", overlay);
        Assert.Contains("\nsysregs: [HCR_EL2, MDCR_EL2, HFGRTR_EL2, HFGWTR_EL2, HFGITR_EL2, SPSR_EL2, ELR_EL2, CNTHCTL_EL2]\n", overlay);
        Assert.Contains("#define SYS_SPSR_EL2\t\t\tsys_reg(3, 4, 4, 0, 0)\n", trip.Tree.Files["arch/arm64/include/asm/sysreg.h"]);
        Assert.Equal(CoverageWarnings(trip.Original), CoverageWarnings(trip.Again));
        Assert.Collection(
            CoverageWarnings(trip.Original),
            w => Assert.StartsWith("NVT075: Group 'MDCR_TDE_TDA' traps DBGWCR<n>_EL1 for n = 0..14 but not for n = 15", w),
            w => Assert.StartsWith("NVT077: SPSR_EL2 and ELR_EL2 lie in the gap", w));
    }

    /// <summary>The coverage warnings of a bound ruleset, as id and message, in message order.</summary>
    private static List<string> CoverageWarnings(BoundRuleset ruleset)
    {
        var diagnostics = new List<NvTrap.Compiler.Diagnostics.RuleDiagnostic>();
        NvTrap.Compiler.Checking.RulesetChecker.Check(ruleset, diagnostics);
        return diagnostics.Where(d => d.Id is "NVT075" or "NVT076" or "NVT077")
            .Select(d => $"{d.Id}: {d.Message}")
            .OrderBy(m => m, StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void The_linux_7_1_ruleset_survives_export_and_import_with_every_name()
    {
        var files = RulesetModel.Read(LinuxRules("linux-7.1"));
        var trip = RoundTrip(files);
        Assert.Empty(LostNames(trip));
        Assert.Empty(trip.Warnings);

        // rules/linux-7.1 is the import of the kernel's tables: the import of the export writes the
        // very same files, but for the kernel lines in the comments.
        static string WithoutLines(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"  # [^ \n]+:\d+", "  # <line>");
        Assert.Equal(files.Select(f => f.Key), trip.Written.Files.Keys);
        foreach (var (path, text) in files)
        {
            Assert.Equal(WithoutLines(text), WithoutLines(trip.Written.Files[path]));
        }

        string tables = trip.Tree.Tables;
        Assert.Contains("\t.behaviour\t= BEHAVE_FORWARD_RW | BEHAVE_FORWARD_IN_HOST_EL0,\n", tables);
        Assert.Contains("enum fg_filter_id {\n\t__NO_FGF__,\n\tHCRX_FGTnXS,\n", tables);
        Assert.Contains("\tSR_FGF(OP_TLBI_VMALLE1OSNXS,\tHFGITR, TLBIVMALLE1OS, 1, HCRX_FGTnXS),\n", tables);
        Assert.Contains("static const union trap_config non_0x18_fgt[] __initconst = {\n\tFGT(HFGITR, PSBCSYNC, 1),\n", tables);
        Assert.Contains("\tCCC(CGT_MDCR_HPMN, check_mdcr_hpmn),\n", tables);
        Assert.Contains("\tHFGWTR_GROUP = HFGRTR_GROUP,\n", trip.Tree.Files["arch/arm64/include/asm/kvm_host.h"]);
        Assert.Contains("\tSR_TRAP(SYS_DBGBVRn_EL1(15),\tCGT_MDCR_TDE_TDA),\n", tables);
        Assert.Contains("#define SYS_PMEVCNTRn_EL0(n)\t\tsys_reg(3, 3, 14, 8 | ((n) >> 3), (n) & 7)\n", trip.Tree.Files["arch/arm64/include/asm/sysreg.h"]);

        string sysreg = trip.Tree.Files[KernelTree.SysregFile];
        Assert.Contains("Sysreg\tICH_HFGRTR_EL2\t3\t4\t12\t9\t4\n", sysreg);
        Assert.Contains("Res1\t3\n", sysreg);

        string overlay = trip.Tree.Files[KernelCExporter.OverlayFile];
        Assert.Contains("context:\n  hypervisor: \"el == 2 || HCR_EL2.TGE\"\n  host_el0: \"el != 2\"\n", overlay);
        Assert.Contains("parameters:\n  nr_pmu_counters: { default: 31, range: 0..31 }\n", overlay);
        Assert.Contains("filters:\n  HCRX_FGTnXS: \"HCRX_EL2.FGTnXS\"\n", overlay);
        Assert.Contains("  check_mdcr_hpmn:\n    register: MDCR_EL2\n    forward: any\n    in_host_el0: true\n", overlay);
        Assert.Contains("  ICH_HFGRTR_EL2: { res0: sysreg, res1: sysreg }\n", overlay);
        Assert.DoesNotContain("fine_grained:", overlay);
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
        var trip = RoundTrip(files);
        Assert.Equal("4 combination C_A,K", RulesetModel.Describe(trip.Again)["group C_A_K"]);
        Assert.Contains("\t\t.mask\t\t= 0x103UL,\n", trip.Tree.Tables);
        Assert.Contains("SR_FGT_RANGE(sys_reg(3, 0, 12, 0, 0),", trip.Tree.Tables);
        Assert.Contains("#define FG_EL2_BIT5_SHIFT\t5\n", trip.Tree.Tables);
        Assert.Empty(LostNames(trip));
    }

    [Fact]
    public void Context_parameters_filters_reserved_bits_host_el0_and_non_0x18_bits_survive()
    {
        var files = new[]
        {
            new KeyValuePair<string, string>("a.nvtrap.yaml", """
                ruleset: every
                context:
                  hypervisor: "el == 2 || CTL_EL2.TGE"
                  host_el0: "el != 2"
                parameters:
                  counters: { default: 7, range: 2..9 }
                registers:
                  CTL_EL2: { encoding: S3_4_C1_C1_0, res0: 0xFF00000000000000, res1: [1, 0], fields: { TGE: 27, A: 3, B: [7, 4], NXS: 9 } }
                  PLAIN_EL1: { res0: 0, fields: { N: [4, 0] } }
                  FGR_EL2: { encoding: S3_4_C1_C1_4, res0: [[63, 8]], res1: [7], fields: { nX: 2, Y: 3, Z: 4 } }
                  FGW_EL2: { encoding: S3_4_C1_C1_5, res0: [[63, 8]], fields: { nX: 2, Y: 3, Z: 4, WONLY: 5 } }
                  OTHER_EL1: { encoding: S3_0_C15_C0_0, fields: { Q: 1 } }
                controls:
                  C_A: { register: CTL_EL2, mask: A, value: A, forward: read, in_host_el0: true }
                  C_B: { register: CTL_EL2, mask: B, value: 0x20, forward: write }
                conditions:
                  Counted: { forward: read, in_host_el0: true, when: "PLAIN_EL1.N < counters && crm == 2" }
                  counted: { forward: write, when: "OTHER_EL1.Q" }
                combinations:
                  C_A_B: [C_A, C_B]
                filters:
                  nXS: "CTL_EL2.NXS"
                  Other: "OTHER_EL1.Q && el == 1"
                fine_grained:
                  FGR: { read: FGR_EL2, write: FGW_EL2 }
                  SOLO: { both: OTHER_EL1 }
                """),
            new KeyValuePair<string, string>("b.nvtrap.yaml", """
                ruleset: every
                sysregs:
                  FIRST_EL1: S3_0_C1_C0_1
                  ALIAS_EL1: S3_0_C1_C0_1
                  INSIDE_EL1: S3_0_C11_C1_0
                  RANGE_END_EL1: S3_0_C11_C2_7
                  TLBI_THING: [1, 0, 8, 3, 0]
                  TLBI_THINGNXS: [1, 0, 9, 3, 0]
                traps:
                  - { group: C_A, range: [S3_0_C11_C0_0, RANGE_END_EL1] }
                  - { group: C_B, sysreg: ALIAS_EL1 }
                  - { group: C_A_B, sysreg: S3_0_C1_C0_3 }
                  - { group: Counted, sysreg: TLBI_THING }
                  - { group: counted, sysreg: S3_0_C1_C0_4 }
                fine_grained_traps:
                  - { sysreg: FIRST_EL1, bit: FGR.nX, trap_when: clear }
                  - { sysreg: TLBI_THINGNXS, bit: FGR.Y, trap_when: set, filter: nXS }
                  - { range: [S3_0_C12_C0_0, S3_0_C12_C0_7], bit: FGR.WONLY, trap_when: set, filter: Other }
                  - { sysreg: S3_0_C1_C0_4, bit: "SOLO[0]", trap_when: set }
                fine_grained_non_sysreg:
                  - { bit: FGR.Z, trap_when: set }
                  - { bit: "FGR[6]", trap_when: clear }
                """),
        };
        var trip = RoundTrip(files);
        var model = RulesetModel.Describe(trip.Again);
        Assert.Equal("el == 2 || CTL_EL2.TGE | el != 2", model["context"]);
        Assert.Equal("7 2..9", model["parameter counters"]);
        Assert.Equal("2 OTHER_EL1.Q && el == 1", model["filter Other"]);
        Assert.StartsWith("res0 0 res1 0 sanitised True", model["register PLAIN_EL1"]);
        Assert.StartsWith("res0 FFFFFFFFFFFFFF00 res1 80 sanitised True", model["register FGR_EL2"]);
        Assert.Equal("FGR[5] set Other FGR.WONLY", model["encoding C600 fine"]);
        Assert.Equal("clear FGR[6]", model["non-0x18 FGR[6]"]);
        // Two conditions whose names differ only in case get two functions.
        Assert.Contains("\tCCC(CGT_Counted, check_counted),\n", trip.Tree.Tables);
        Assert.Contains("\tCCC(CGT_counted, check_counted_2),\n", trip.Tree.Tables);
        Assert.Contains("\t.behaviour\t= BEHAVE_FORWARD_READ | BEHAVE_FORWARD_IN_HOST_EL0,\n", trip.Tree.Tables);
        Assert.Contains("\tSR_FGF(OP_TLBI_THINGNXS,\tFGR, Y, 1, nXS),\n", trip.Tree.Tables);
        Assert.Contains("\tFGT(FGR, Z, 1),\n", trip.Tree.Tables);
        // A name strictly inside a range comes back through the overlay's sysregs; ALIAS_EL1, a
        // second name of an encoding the tables spell as FIRST_EL1, is left out.
        Assert.Empty(LostNames(trip));
        Assert.Contains("\nsysregs: [INSIDE_EL1]\n", trip.Tree.Files[KernelCExporter.OverlayFile]);
    }

    [Fact]
    public void Kernel_function_names_given_for_conditions_are_used()
    {
        var original = RulesetModel.Bound(RulesetModel.Read(LinuxRules("linux-7.1")));
        var problems = new List<ExportProblem>();
        var tree = KernelCExporter.Export(original, problems, new Dictionary<string, string> { ["MDCR_HPMN"] = "check_hpmn_range" })!;
        Assert.Contains("\tCCC(CGT_MDCR_HPMN, check_hpmn_range),\n", tree.Tables);
        Assert.Contains("  check_hpmn_range:\n", tree.Files[KernelCExporter.OverlayFile]);
    }

    [Fact]
    public void A_filter_named_like_a_register_cannot_be_exported()
    {
        var original = RulesetModel.Bound(new[]
        {
            new KeyValuePair<string, string>("r.nvtrap.yaml", """
                ruleset: clash
                registers:
                  FG_EL2: { encoding: S3_4_C1_C1_4, fields: { X: 2 } }
                filters:
                  FG_EL2: "FG_EL2.X"
                fine_grained:
                  FG: { both: FG_EL2 }
                fine_grained_traps:
                  - { sysreg: S3_0_C1_C0_1, bit: FG.X, trap_when: set, filter: FG_EL2 }
                """),
        });
        var problems = new List<ExportProblem>();
        Assert.Null(KernelCExporter.Export(original, problems));
        Assert.Contains(problems, p => p.Message.Contains("would be the C enumerator FG_EL2, which is also register FG_EL2"));
    }

    [Theory]
    [InlineData("enum", "enum", "a C keyword")]
    [InlineData("NR_SYS_REGS", "NR_SYS_REGS", "a name the exported tables use themselves")]
    [InlineData("__RESERVED__", "__RESERVED__", "a name the exported tables use themselves")]
    public void A_register_named_like_a_c_keyword_or_a_name_of_the_tables_cannot_be_exported(string register, string enumerator, string why)
    {
        var original = RulesetModel.Bound(new[]
        {
            new KeyValuePair<string, string>("r.nvtrap.yaml", $$"""
                ruleset: clash
                registers:
                  {{register}}: { encoding: S3_4_C1_C1_4, fields: { X: 2 } }
                controls:
                  C_X: { register: {{register}}, mask: X, value: X, forward: read }
                traps:
                  - { group: C_X, sysreg: S3_0_C1_C0_1 }
                """),
        });
        var problems = new List<ExportProblem>();
        Assert.Null(KernelCExporter.Export(original, problems));
        var problem = Assert.Single(problems);
        Assert.StartsWith("r.nvtrap.yaml(3,", problem.Message);
        Assert.Contains($"C enumerator {enumerator}", problem.Message);
        Assert.Contains(why, problem.Message);
    }

    [Fact]
    public void A_register_named_like_a_macro_of_another_registers_field_cannot_be_exported()
    {
        // The sysreg file defines CTL_EL2_TA (the field's mask); an enumerator CTL_EL2_TA would be
        // macro-expanded where vcpu_sysreg declares it.
        var original = RulesetModel.Bound(new[]
        {
            new KeyValuePair<string, string>("r.nvtrap.yaml", """
                ruleset: clash
                registers:
                  CTL_EL2: { encoding: S3_4_C1_C1_0, fields: { TA: 9 } }
                  CTL_EL2_TA: { encoding: S3_4_C1_C1_1, fields: { X: 2 } }
                controls:
                  C_X: { register: CTL_EL2_TA, mask: X, value: X, forward: read }
                traps:
                  - { group: C_X, sysreg: S3_0_C1_C0_1 }
                """),
        });
        var problems = new List<ExportProblem>();
        Assert.Null(KernelCExporter.Export(original, problems));
        var problem = Assert.Single(problems);
        Assert.Equal("r.nvtrap.yaml(4,3): Register CTL_EL2_TA would be the C enumerator CTL_EL2_TA, which is also the macro the sysreg file defines for register CTL_EL2; rename it.", problem.Message);
    }
}
