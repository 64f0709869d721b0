using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Commands;

/// <summary>
/// <c>nvtrap check --kernel</c> on the trees <c>export kernel-c</c> writes for the built-in
/// rulesets: the import in memory finds what <c>check</c> finds on the rule files, and reports each
/// warning at the line of emulate-nested.c that holds the entry, as a kernel developer reads it.
/// </summary>
public class KernelCheckCommandTests
{
    private const string Tables = "arch/arm64/kvm/emulate-nested.c";

    private static (string[] Lines, string[] Tables) CheckExported(string ruleset)
    {
        using var directory = new TempDirectory();
        string tree = Path.Combine(directory.Path, "tree");
        var exported = Tool.Run("export", "kernel-c", "--ruleset", ruleset, "--out", tree);
        Assert.True(exported.ExitCode == 0, exported.Error);
        var result = Tool.Run("check", "--kernel", tree, "--overlay", Path.Combine(tree, "nvtrap-overlay.yaml"));
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        return (result.OutputLines, File.ReadAllLines(Path.Combine(tree, Tables)));
    }

    /// <summary>The 1-based line of the tables that holds <paramref name="text"/>.</summary>
    private static int LineOf(string[] tables, string text) => Array.FindIndex(tables, l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void The_6_6_mistakes_are_reported_at_the_kernel_lines_of_their_entries()
    {
        var (lines, tables) = CheckExported("linux-6.6");

        // The family check stands at the last DBGWCR<n>_EL1 the table has, where the sixteenth belongs.
        string family = Assert.Single(lines, l => l.Contains(" NVT075: ", StringComparison.Ordinal));
        Assert.StartsWith($"{Tables}({LineOf(tables, "SR_TRAP(SYS_DBGWCRn_EL1(14),")},2): warning NVT075: Group 'MDCR_TDE_TDA' traps DBGWCR<n>_EL1 for n = 0..14 but not for n = 15: DBGWCR15_EL1 has no coarse entry.", family);

        // The gap check stands at the range that restarts after SP_EL1.
        string gap = Assert.Single(lines, l => l.Contains(" NVT077: ", StringComparison.Ordinal));
        Assert.StartsWith($"{Tables}({LineOf(tables, "SR_RANGE_TRAP(sys_reg(3, 4, 4, 1, 1),")},2): warning NVT077: SPSR_EL2 and ELR_EL2 lie in the gap S3_4_C4_C0_0..S3_4_C4_C1_0", gap);
        Assert.Matches(@" \[generated traps/hcr_el2\.nvtrap\.yaml\(\d+,\d+\)\]$", gap);

        Assert.EndsWith(": 0 errors, 2 warnings", lines[^1]);
    }

    [Fact]
    public void The_7_1_tables_check_clean()
    {
        var (lines, _) = CheckExported("linux-7.1");
        Assert.Single(lines);
        Assert.EndsWith(": 0 errors, 0 warnings", lines[0]);
    }
}
