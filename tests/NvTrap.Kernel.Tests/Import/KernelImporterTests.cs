using NvTrap.Kernel.Diagnostics;
using NvTrap.Kernel.Import;
using NvTrap.Kernel.Tests.Infrastructure;

namespace NvTrap.Kernel.Tests.Import;

public class KernelImporterTests
{
    private const string Tables = "arch/arm64/kvm/emulate-nested.c";

    private static ImportResult Import(TempTree tree, params string[] defines) =>
        KernelImporter.Import(new ImportRequest(tree.Root, tree.PathOf("overlay.yaml"), defines, TempTree.ReadFile));

    private static ImportedRuleset Imported(TempTree tree)
    {
        var result = Import(tree);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.ToDisplayString())));
        return result.Ruleset!;
    }

    private static ushort Encoding(int op0, int op1, int crn, int crm, int op2) => (ushort)((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2);

    [Fact]
    public void The_groups_of_each_section_are_read_with_their_definitions()
    {
        using var tree = Fixtures.Tree();
        var ruleset = Imported(tree);
        Assert.Equal(new[] { "CTL_TA", "CTL_TB", "CTL_ONE_nTWO", "CTL_TA_TB", "CTL_MODE" }, ruleset.Groups.Select(g => g.Name));
        Assert.Equal(new[] { ImportedGroupKind.Control, ImportedGroupKind.Control, ImportedGroupKind.Control, ImportedGroupKind.Combination, ImportedGroupKind.Condition }, ruleset.Groups.Select(g => g.Kind));

        var ta = ruleset.Groups[0];
        Assert.Equal(("CTL_EL2", 1UL << 9, 1UL << 9, "read"), (ta.Register, ta.Mask!.Bits, ta.Value!.Bits, ta.Forward));
        Assert.Equal(new[] { "TA" }, ta.Mask.Fields);
        var tb = ruleset.Groups[1];
        Assert.Equal((1UL << 10, 0UL, "write"), (tb.Mask!.Bits, tb.Value!.Bits, tb.Forward));
        var oneNotTwo = ruleset.Groups[2];
        Assert.Equal(new[] { "ONE", "TWO" }, oneNotTwo.Mask!.Fields);
        Assert.Equal(((1UL << 11) | (1UL << 12), 1UL << 11, "any"), (oneNotTwo.Mask.Bits, oneNotTwo.Value!.Bits, oneNotTwo.Forward));
        Assert.Equal(new[] { "CTL_TA", "CTL_TB" }, ruleset.Groups[3].Members);
        Assert.Equal(("check_ctl_mode", "CTL_EL2.MODE != 0"), (ruleset.Groups[4].Function, ruleset.Groups[4].When));
        Assert.Equal(Fixtures.LineOf("[CGT_CTL_TB] = {"), ruleset.Groups[1].Location.Line);
        Assert.Equal(Encoding(3, 4, 1, 1, 0), ruleset.Registers["CTL_EL2"].Encoding);
    }

    [Fact]
    public void Coarse_entries_keep_their_line_and_are_named_as_the_kernel_spells_them()
    {
        using var tree = Fixtures.Tree();
        var ruleset = Imported(tree);
        Assert.Equal(
            new[] { "ALPHA_EL1 CTL_TA", "BETA_EL1 CTL_TA_TB", "TABLE3_EL1 CTL_ONE_nTWO", "S3_1_C11_C0_0..S3_1_C11_C15_7 CTL_TB", "DO_THING CTL_MODE" },
            ruleset.CoarseEntries.Select(e => (e.First == e.Last ? e.First.Name : $"{e.First.Name}..{e.Last.Name}") + " " + e.Group));
        Assert.Equal(Fixtures.LineOf("SR_TRAP(SYS_TABLEn_EL1(3)"), ruleset.CoarseEntries[2].Location.Line);
        Assert.Equal(Fixtures.LineOf("SR_RANGE_TRAP(sys_reg(3, 1, 11, 0, 0)"), ruleset.CoarseEntries[3].Location.Line);
        Assert.Equal(Encoding(3, 0, 5, 3, 0), ruleset.CoarseEntries[2].First.Encoding);
        Assert.Equal(Encoding(1, 0, 7, 1, 0), ruleset.Catalogue["DO_THING"]);
        Assert.Equal(Encoding(3, 1, 11, 15, 7), ruleset.CoarseEntries[3].Last.Encoding);
    }

    [Fact]
    public void Fine_grained_groups_entries_filters_and_non_sysreg_bits_are_read()
    {
        using var tree = Fixtures.Tree();
        var ruleset = Imported(tree);
        var group = Assert.Single(ruleset.FineGroups);
        Assert.Equal(("FGTR", 1, "FGTR_EL2", "FGTW_EL2"), (group.Name, group.KernelId, group.Read, group.Write));
        Assert.Equal(new[] { "ALPHA_EL1 nALPHA 7 clear -", "GAMMA_EL1 GAMMA 5 set CTL_FILTER" },
            ruleset.FineEntries.Select(e => $"{e.First!.Name} {e.BitName} {e.Bit} {(e.TrapWhenSet ? "set" : "clear")} {e.Filter ?? "-"}"));
        Assert.Equal("BETA 6 set", ruleset.NonSysregFineEntries.Select(e => $"{e.BitName} {e.Bit} {(e.TrapWhenSet ? "set" : "clear")}").Single());
        Assert.Equal(("CTL_FILTER", "CTL_EL2.TA"), (ruleset.Filters.Single().Name, ruleset.Filters.Single().Text));
        // res0 from a C expression in the headers, and from the sysreg file.
        Assert.Equal(0xFFFFFFFFFFFFFF1FUL, ruleset.Registers["FGTR_EL2"].Res0);
        Assert.Equal(0xFFFFFFFFFFFFFF1FUL, ruleset.Registers["FGTW_EL2"].Res0);
        Assert.Equal((7, 7), ruleset.Registers["FGTR_EL2"].Fields["nALPHA"]);
    }

    [Fact]
    public void Without_the_build_define_sys_reg_is_unresolved_at_each_use()
    {
        using var tree = Fixtures.Tree(overlay: Fixtures.Overlay.Replace("defines:\n  WANT_SYSREG: 1\n", string.Empty));
        var result = Import(tree);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("NVTK020", e.Id));
        var first = errors.First(e => e.Location.Path == Tables);
        Assert.Equal(Fixtures.LineOf("SR_TRAP(SYS_ALPHA_EL1"), first.Location.Line);
        Assert.Contains("sys_reg", first.Message);

        // The same tree with --define imports.
        var defined = KernelImporter.Import(new ImportRequest(tree.Root, tree.PathOf("overlay.yaml"), new[] { "WANT_SYSREG=1" }, TempTree.ReadFile));
        Assert.False(defined.HasErrors);
    }

    [Fact]
    public void An_undefined_mask_macro_is_an_error_naming_it_at_its_line_and_column()
    {
        string tables = Fixtures.Tables.Replace("\t\t.mask\t\t= CTL_TB,", "\t\t.mask\t\t= CTL_MISSING,");
        using var tree = Fixtures.Tree(tables);
        var error = Assert.Single(Import(tree).Diagnostics, d => d.IsError);
        Assert.Equal(("NVTK020", Tables, Fixtures.LineOf("CTL_MISSING", tables), 12), (error.Id, error.Location.Path, error.Location.Line, error.Location.Column));
        Assert.Contains("'CTL_MISSING'", error.Message);
    }

    [Fact]
    public void A_macro_defined_in_terms_of_an_undefined_one_names_the_undefined_one_and_where_it_is_spelled()
    {
        using var tree = Fixtures.Tree(armHeader: Fixtures.ArmHeader.Replace("#define CTL_TB\t\t(UL(1) << 10)", "#define CTL_TB\t\t(UL(1) << CTL_TB_SHIFT)"));
        var error = Assert.Single(Import(tree).Diagnostics, d => d.IsError);
        Assert.Equal(("NVTK020", Fixtures.LineOf("\t\t.mask\t\t= CTL_TB,")), (error.Id, error.Location.Line));
        Assert.Contains("'CTL_TB_SHIFT'", error.Message);
        Assert.Contains("arch/arm64/include/asm/kvm_arm.h(3,", error.Message);
    }

    [Fact]
    public void A_register_that_is_no_vcpu_sysreg_is_an_error()
    {
        string tables = Fixtures.Tables.Replace("[CGT_CTL_TB] = {\n\t\t.index\t\t= CTL_EL2,", "[CGT_CTL_TB] = {\n\t\t.index\t\t= OTHER_EL2,");
        using var tree = Fixtures.Tree(tables);
        var error = Assert.Single(Import(tree).Diagnostics, d => d.IsError);
        Assert.Equal(("NVTK043", Fixtures.LineOf("OTHER_EL2", tables)), (error.Id, error.Location.Line));
        Assert.Contains("OTHER_EL2", error.Message);
    }

    [Fact]
    public void A_condition_without_an_overlay_entry_is_an_error_naming_its_function()
    {
        using var tree = Fixtures.Tree(overlay: "ruleset: fixture\ndefines: { WANT_SYSREG: 1 }\nfilters: { CTL_FILTER: \"CTL_EL2.TA\" }\n");
        var error = Assert.Single(Import(tree).Diagnostics, d => d.IsError);
        Assert.Equal(("NVTK051", Fixtures.LineOf("CCC(CGT_CTL_MODE")), (error.Id, error.Location.Line));
        Assert.Contains("check_ctl_mode", error.Message);
    }

    [Fact]
    public void A_missing_table_is_an_error()
    {
        string tables = Fixtures.Tables.Replace("coarse_control_combo", "other_combo");
        using var tree = Fixtures.Tree(tables);
        var error = Assert.Single(Import(tree).Diagnostics, d => d.IsError);
        Assert.Equal("NVTK041", error.Id);
        Assert.Contains("coarse_control_combo", error.Message);
    }

    [Fact]
    public void An_overlay_with_an_unknown_key_is_an_error_at_its_line()
    {
        using var tree = Fixtures.Tree(overlay: Fixtures.Overlay + "\ncolours: red\n");
        var error = Assert.Single(Import(tree).Diagnostics, d => d.IsError);
        Assert.Equal(("NVTK050", tree.PathOf("overlay.yaml")), (error.Id, error.Location.Path));
        Assert.Equal(Fixtures.Overlay.Split('\n').Length + 1, error.Location.Line);
    }

    [Fact]
    public void A_tree_without_the_tables_is_an_error()
    {
        using var tree = new TempTree().With("overlay.yaml", Fixtures.Overlay);
        Assert.Equal("NVTK001", Assert.Single(Import(tree).Diagnostics, d => d.IsError).Id);
    }
}
