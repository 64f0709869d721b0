using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Commands;

public class EvalCommandTests
{
    [Fact]
    public void Appends_forward_and_reason_and_passes_other_columns_through()
    {
        const string input =
            "note\tesr\thcr_el2\thfgrtr_el2\n" +
            "tvm\t0x62300860\t0x4000000\t0\n" +
            "no tvm\t62300860\t0\t0\n" +
            "tpidr2\t0x623AF401\t0\t0\n" +
            "tpidr2 enabled\t0x623AF401\t0\t0x80000000000000\n";

        var result = Tool.RunWithInput(input, "eval");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            "note\tesr\thcr_el2\thfgrtr_el2\tforward\treason\toutcome\n" +
            "tvm\t0x62300860\t0x4000000\t0\t1\tHCR_TVM_TRVM:HCR_TVM\tforward\n" +
            "no tvm\t62300860\t0\t0\t0\tnone\tlocal\n" +
            "tpidr2\t0x623AF401\t0\t0\t1\tHFGRTR.nTPIDR2_EL0\tforward\n" +
            "tpidr2 enabled\t0x623AF401\t0\t0x80000000000000\t0\tnone\tlocal\n",
            result.Output);
    }

    [Fact]
    public void Accepts_the_access_as_fields_with_a_direction()
    {
        const string input =
            "op0\top1\tcrn\tcrm\top2\tdir\thcr_el2\tmdcr_el2\n" +
            "3\t0\t1\t0\t0\tR\t0x40000000\t0\n" +
            "3\t0\t1\t0\t0\tw\t0x40000000\t0\n" +
            "3\t3\t9\t12\t0\tW\t-\t0x20\n" +
            "3\t0\t0\t4\t0\tr\t40000\t\n";

        var result = Tool.RunWithInput(input, "eval", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "op0\top1\tcrn\tcrm\top2\tdir\thcr_el2\tmdcr_el2\tforward\treason\toutcome",
                "3\t0\t1\t0\t0\tR\t0x40000000\t0\t1\tHCR_TVM_TRVM:HCR_TRVM\tforward",
                "3\t0\t1\t0\t0\tw\t0x40000000\t0\t0\tnone\tlocal",
                "3\t3\t9\t12\t0\tW\t-\t0x20\t1\tMDCR_TPM_TPMCR:MDCR_TPMCR\tforward",
                "3\t0\t0\t4\t0\tr\t40000\t\t1\tHCR_TID3\tforward",
            ],
            result.OutputLines);
    }

    [Fact]
    public void A_row_may_give_both_forms_when_they_agree()
    {
        const string input = "esr\top0\top1\tcrn\tcrm\top2\tdir\thcr_el2\n0x62300860\t3\t0\t2\t0\t0\tW\t0x4000000\n";

        var result = Tool.RunWithInput(input, "eval");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("\t1\tHCR_TVM_TRVM:HCR_TVM\tforward\n", result.Output);
    }

    [Fact]
    public void Header_only_gives_the_header_with_the_new_columns()
    {
        var result = Tool.RunWithInput("esr\thcr_el2\r\n", "eval");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("esr\thcr_el2\tforward\treason\toutcome\n", result.Output);
    }

    [Fact]
    public void Crlf_input_and_blank_lines_are_accepted()
    {
        var result = Tool.RunWithInput("esr\thcr_el2\r\n0x62300860\t0x4000000\r\n\r\n0x62300860\t0\r\n", "eval");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("esr\thcr_el2\tforward\treason\toutcome\n0x62300860\t0x4000000\t1\tHCR_TVM_TRVM:HCR_TVM\tforward\n0x62300860\t0\t0\tnone\tlocal\n", result.Output);
    }

    [Fact]
    public void The_sample_file_is_decided_as_documented()
    {
        var result = Tool.Run("eval", TestPaths.SampleAccesses);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var decided = result.OutputLines.Skip(1).Select(l => l.Split('\t')).ToDictionary(f => f[0], f => $"{f[^3]} {f[^2]} {f[^1]}");
        Assert.Equal("1 HCR_TVM_TRVM:HCR_TVM forward", decided["TTBR0_EL1 write, HCR_EL2.TVM set"]);
        Assert.Equal("0 none local", decided["TTBR0_EL1 write, no trap control set"]);
        Assert.Equal("1 HCR_TVM_TRVM:HCR_TRVM forward", decided["SCTLR_EL1 read, HCR_EL2.TRVM set"]);
        Assert.Equal("1 HFGRTR.TTBR0_EL1 forward", decided["TTBR0_EL1 write, HFGWTR_EL2.TTBR0_EL1 set"]);
        Assert.Equal("1 HFGRTR.nTPIDR2_EL0 forward", decided["TPIDR2_EL0 read, HFGRTR_EL2.nTPIDR2_EL0 clear"]);
        Assert.Equal("1 CNTHCTL_EL1PCTEN forward", decided["CNTPCT_EL0 read, E2H=1 and CNTHCTL_EL2 bit 10 clear"]);
        Assert.Equal("0 none local", decided["CNTPCT_EL0 read, E2H=0 and CNTHCTL_EL2.EL1PCTEN set"]);
        Assert.True(decided.Count >= 8);
    }

    [Fact]
    public void The_sample_file_gives_the_shipped_expected_output()
    {
        var result = Tool.Run("eval", TestPaths.SampleAccesses);

        // samples/eval/accesses.expected.tsv is what the README shows; regenerate it with
        // `nvtrap eval samples/eval/accesses.tsv > samples/eval/accesses.expected.tsv` after a deliberate change.
        Assert.Equal(File.ReadAllText(TestPaths.SampleExpected), result.Output);
    }

    [Fact]
    public void The_sample_file_decides_the_same_with_the_rules_compiled_at_run_time()
    {
        foreach (string ruleset in new[] { "linux-7.1", "linux-6.6" })
        {
            var builtIn = Tool.Run("eval", TestPaths.SampleAccesses, "--ruleset", ruleset);
            var compiled = Tool.Run("eval", TestPaths.SampleAccesses, "--rules", TestPaths.LinuxRulesOf(ruleset));

            Assert.Equal(0, compiled.ExitCode);
            Assert.Equal(builtIn.Output, compiled.Output);
        }
    }

    [Fact]
    public void Rules_given_at_run_time_bring_their_own_columns()
    {
        using var directory = new TempDirectory();
        string rules = MiniRuleset.WriteTo(directory);
        string input =
            "esr\tctl_el2\tfgr_el2\thcr_el2\n" +
            $"{MiniRuleset.FooWrite.Value:X}\t1\t8\t0\n" +
            $"{MiniRuleset.FooWrite.Value:X}\t0\t0\t0\n" +
            $"{MiniRuleset.ModeRead.Value:X}\t0x50\t8\t0\n";

        var result = Tool.RunWithInput(input, "eval", "--rules", rules);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["1\tCTL_TA_TB:CTL_TA\tforward", "1\tFGx.nFOO\tforward", "1\tMODE_FIVE\tforward"], result.OutputLines.Skip(1).Select(l => string.Join('\t', l.Split('\t')[^3..])));
    }

    [Fact]
    public void A_missing_input_file_is_an_input_error()
    {
        var result = Tool.Run("eval", Path.Combine(Path.GetTempPath(), "no-such-nvtrap-input.tsv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot be read", result.Error);
    }
}
