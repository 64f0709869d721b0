using NvTrap.Kernel.Import;
using NvTrap.Kernel.Tests.Infrastructure;

namespace NvTrap.Kernel.Tests.Import;

/// <summary>
/// The overlay's <c>families</c> and <c>sysregs</c>: the catalogue the coverage checks need beyond
/// the names the tables use, and each way of getting them wrong.
/// </summary>
public class OverlayCatalogueTests
{
    // Two members of the fixture's indexed macro, so the import writes a family, then DBG_EL1 is a
    // macro sysreg.h defines but no table entry uses.
    private static readonly string Tables = Fixtures.Tables.Replace(
        "\tSR_TRAP(SYS_TABLEn_EL1(3),\tCGT_CTL_ONE_nTWO),\n",
        "\tSR_TRAP(SYS_TABLEn_EL1(3),\tCGT_CTL_ONE_nTWO),\n\tSR_TRAP(SYS_TABLEn_EL1(4),\tCGT_CTL_ONE_nTWO),\n");

    private static readonly string Header = Fixtures.SysregHeader.Replace("#define OP_DO_THING", "#define SYS_SPARE_EL1\t\tsys_reg(3, 0, 5, 9, 1)\n#define OP_DO_THING");

    private static ImportResult Import(string overlayTail)
    {
        using var tree = Fixtures.Tree(Tables, Fixtures.Overlay + "\n" + overlayTail).With("arch/arm64/include/asm/sysreg.h", Header);
        return KernelImporter.Import(new ImportRequest(tree.Root, tree.PathOf("overlay.yaml"), Array.Empty<string>(), TempTree.ReadFile));
    }

    private static string Messages(ImportResult result) => string.Join("\n", result.Diagnostics.Select(d => d.ToDisplayString()));

    [Fact]
    public void A_family_range_and_extra_names_reach_the_catalogue()
    {
        var result = Import("families:\n  TABLE<n>_EL1: 0..7\nsysregs: [SPARE_EL1, DO_THING]\n");
        Assert.False(result.HasErrors, Messages(result));
        var written = RulesetWriter.Write(result.Ruleset!);
        Assert.Contains("  TABLE<n>_EL1: { n: 0..7, encoding: [3, 0, 5, n, 0] }\n", written.Files["sysregs/registers.nvtrap.yaml"]);
        Assert.Contains("  SPARE_EL1: S3_0_C5_C9_1\n", written.Files["sysregs/registers.nvtrap.yaml"]);

        // The compiler sees TABLE<n>_EL1 trapped for n = 3..4 of 0..7; the first missing, 0, belongs
        // before TABLE3, so that is the kernel line reported.
        var compilation = RulesetModel.Compile(written.Files);
        var family = Assert.Single(compilation.Diagnostics, d => d.Id == "NVT075");
        Assert.StartsWith("Group 'CTL_ONE_nTWO' traps TABLE<n>_EL1 for n = 3..4 but not for n = 0..2, 5..7:", family.Message);
        Assert.Equal(Fixtures.LineOf("SYS_TABLEn_EL1(3)", Tables), written.Origin(family.Span.Path, family.Span.StartLine)!.Value.Line);
    }

    [Theory]
    [InlineData("families:\n  TABLE<n>_EL1: 4..7\n", "error NVTK050: Family TABLE<n>_EL1: 4..7 leaves out index 3, which the tables use.")]
    [InlineData("families:\n  TABLE<n>_EL1: 0..16\n", "error NVTK050: Family TABLE<n>_EL1: index 16 gives an encoding field out of range (3, 0, 5, n, 0); narrow the range.")]
    [InlineData("families:\n  OTHER<n>_EL1: 0..3\n", "warning NVTK052: Family OTHER<n>_EL1 is not an indexed macro the tables use as a family")]
    [InlineData("families:\n  TABLE_EL1: 0..3\n", "error NVTK050: Family TABLE_EL1 must hold the placeholder <n>")]
    [InlineData("families:\n  TABLE<n>_EL1: 7..3\n", "error NVTK050: Family TABLE<n>_EL1 takes an index range LOW..HIGH")]
    [InlineData("sysregs: [NO_SUCH_EL1]\n", "error NVTK020: sysregs names NO_SUCH_EL1, but the tree defines neither SYS_NO_SUCH_EL1 nor OP_NO_SUCH_EL1.")]
    [InlineData("sysregs: SPARE_EL1\n", "error NVTK050: sysregs must be a list of names")]
    public void A_wrong_entry_is_reported_at_the_overlay(string overlayTail, string expected)
    {
        var result = Import(overlayTail);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id is "NVTK020" or "NVTK050" or "NVTK052");
        Assert.StartsWith("overlay.yaml(", Path.GetFileName(diagnostic.Location.Path) + "(");
        Assert.Contains(expected, diagnostic.ToDisplayString());
    }
}
