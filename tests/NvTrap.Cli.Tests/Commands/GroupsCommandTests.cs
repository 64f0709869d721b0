using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Commands;

public class GroupsCommandTests
{
    [Fact]
    public void Lists_every_group_with_exact_columns()
    {
        var result = Tool.Run("groups", "--ruleset", "linux-6.6");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutputLines;
        Assert.Equal("name\tkind\tregister\tmask\tvalue\tbehaviour\tmembers\tcondition", lines[0]);
        Assert.Equal(Linux66Traps.GroupCount, lines.Length - 1);
        Assert.All(lines, l => Assert.Equal(8, l.Split('\t').Length));
        Assert.Equal(39, lines.Count(l => l.Split('\t')[1] == "control"));
        Assert.Equal(13, lines.Count(l => l.Split('\t')[1] == "combination"));
        Assert.Equal(2, lines.Count(l => l.Split('\t')[1] == "condition"));

        Assert.Contains("HCR_TVM\tcontrol\tHCR_EL2\t0x4000000\t0x4000000\twrite\t-\t-", lines);
        Assert.Contains("HCR_APK\tcontrol\tHCR_EL2\t0x10000000000\t0x0\tany\t-\t-", lines);
        Assert.Contains("HCR_TVM_TRVM\tcombination\t-\t-\t-\tany\tHCR_TVM,HCR_TRVM\t-", lines);
        Assert.Contains("HCR_IMO_FMO\tcombination\t-\t-\t-\twrite\tHCR_IMO,HCR_FMO\t-", lines);
        Assert.Contains("MDCR_TDCC_TDE_TDA\tcombination\t-\t-\t-\tany\tMDCR_TDCC,MDCR_TDE,MDCR_TDA\t-", lines);
        Assert.Contains("CNTHCTL_EL1PCTEN\tcondition\t-\t-\t-\tany\t-\t!(HCR_EL2.E2H ? CNTHCTL_EL2[10] : CNTHCTL_EL2[0])", lines);
    }

    [Fact]
    public void The_default_ruleset_is_linux_7_1_with_host_el0_behaviours_and_expression_conditions()
    {
        var lines = Tool.Run("groups").OutputLines;

        Assert.Equal(51, lines.Count(l => l.Split('\t')[1] == "control"));
        Assert.Equal(17, lines.Count(l => l.Split('\t')[1] == "combination"));
        Assert.Equal(6, lines.Count(l => l.Split('\t')[1] == "condition"));
        Assert.Contains("MDCR_TPMCR\tcontrol\tMDCR_EL2\t0x20\t0x20\tany+host_el0\t-\t-", lines);
        Assert.Contains("MDCR_TPM_HPMN\tcombination\t-\t-\t-\tany+host_el0\tMDCR_TPM,MDCR_HPMN\t-", lines);
        Assert.Contains("CPTR_TTA\tcondition\t-\t-\t-\tany\t-\tHCR_EL2.E2H ? CPTR_EL2[28] : CPTR_EL2[20]", lines);
    }

    [Theory]
    [InlineData("linux-7.1")]
    [InlineData("linux-6.6")]
    public void Is_identical_for_the_built_in_rules_and_the_same_rules_compiled_at_run_time(string ruleset)
    {
        var builtIn = Tool.Run("groups", "--format", "text", "--ruleset", ruleset);
        var compiled = Tool.Run("groups", "--format", "text", "--rules", TestPaths.LinuxRulesOf(ruleset));

        Assert.Equal(0, compiled.ExitCode);
        Assert.Equal(builtIn.Output, compiled.Output);
    }

    [Fact]
    public void Lists_a_ruleset_given_at_run_time()
    {
        using var directory = new TempDirectory();
        string rules = MiniRuleset.WriteTo(directory);

        var result = Tool.Run("groups", "--rules", rules);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "name\tkind\tregister\tmask\tvalue\tbehaviour\tmembers\tcondition",
                "CTL_TA\tcontrol\tCTL_EL2\t0x1\t0x1\twrite\t-\t-",
                "CTL_TB\tcontrol\tCTL_EL2\t0x2\t0x2\tread\t-\t-",
                "CTL_TA_TB\tcombination\t-\t-\t-\tany\tCTL_TA,CTL_TB\t-",
                "MODE_FIVE\tcondition\t-\t-\t-\tany\t-\tCTL_EL2.MODE == 5 && op2 == 1",
            ],
            result.OutputLines);
    }
}
