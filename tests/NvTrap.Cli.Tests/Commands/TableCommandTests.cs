using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Commands;

public class TableCommandTests
{
    private const string Header = "op0\top1\tcrn\tcrm\top2\tname\tgroup\tfgt_group\tfgt_bit\tfgt_polarity\tfilter";

    [Fact]
    public void Lists_every_configured_encoding_sorted_with_exact_columns()
    {
        var result = Tool.Run("table", "--ruleset", "linux-6.6");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutputLines;
        Assert.Equal(Header, lines[0]);
        Assert.Equal(Linux66Traps.ConfiguredEncodingCount, lines.Length - 1);
        var encodings = lines.Skip(1).Select(l => l.Split('\t')).Select(f =>
        {
            Assert.Equal(11, f.Length);
            return SysRegEncoding.Create(int.Parse(f[0]), int.Parse(f[1]), int.Parse(f[2]), int.Parse(f[3]), int.Parse(f[4])).Value;
        }).ToList();
        Assert.Equal(encodings.Order().Distinct(), encodings);

        Assert.Contains("3\t0\t2\t0\t0\tTTBR0_EL1\tHCR_TVM_TRVM\tHFGxTR\t36\tset\t-", lines);
        Assert.Contains("3\t3\t13\t0\t5\tTPIDR2_EL0\t-\tHFGxTR\t55\tclear\t-", lines);
        Assert.Contains("3\t3\t14\t0\t1\tCNTPCT_EL0\tCNTHCTL_EL1PCTEN\t-\t-\t-\t-", lines);
        Assert.Contains("3\t0\t0\t4\t0\t-\tHCR_TID3\t-\t-\t-\t-", lines);
        Assert.Contains("1\t0\t7\t6\t1\tDC_IVAC\tHCR_TPC\tHFGITR\t3\tset\t-", lines);
    }

    [Fact]
    public void The_default_ruleset_is_linux_7_1_with_its_filter_on_the_nxs_tlbi_instructions()
    {
        var lines = Tool.Run("table").OutputLines;

        Assert.Equal(Linux71Traps.ConfiguredEncodingCount + 1, lines.Length);
        Assert.Equal(5753, Linux71Traps.ConfiguredEncodingCount);
        Assert.Contains("1\t0\t9\t3\t1\tTLBI_VAE1ISNXS\tHCR_TTLB_TTLBIS\tHFGITR\t29\tset\tHCRX_FGTnXS", lines);
        Assert.Contains("3\t3\t14\t8\t5\tPMEVCNTR5_EL0\tMDCR_TPM_HPMN\tHDFGRTR\t12\tset\t-", lines);
        Assert.Equal(30, lines.Count(l => l.EndsWith("\tHCRX_FGTnXS", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("linux-7.1")]
    [InlineData("linux-6.6")]
    public void Is_identical_for_the_built_in_rules_and_the_same_rules_compiled_at_run_time(string ruleset)
    {
        var builtIn = Tool.Run("table", "--ruleset", ruleset);
        var compiled = Tool.Run("table", "--rules", TestPaths.LinuxRulesOf(ruleset));

        Assert.Equal(0, compiled.ExitCode);
        Assert.Equal("", compiled.Error);
        Assert.Equal(builtIn.Output, compiled.Output);
    }

    [Fact]
    public void Text_format_aligns_the_same_cells()
    {
        var tsv = Tool.Run("table").OutputLines;
        var text = Tool.Run("table", "--format", "text").OutputLines;

        Assert.Equal(tsv.Length, text.Length);
        Assert.StartsWith("op0  op1  crn  crm  op2  name", text[0]);
        for (int i = 0; i < tsv.Length; i++)
        {
            Assert.Equal(tsv[i].Split('\t'), text[i].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(text[i].TrimEnd(), text[i]);
        }

        // Every column starts at the same offset on every line.
        int groupColumn = text[0].IndexOf("group", StringComparison.Ordinal);
        Assert.All(text.Skip(1), line => Assert.NotEqual(' ', line[groupColumn]));
    }

    [Fact]
    public void Lists_a_ruleset_given_at_run_time()
    {
        using var directory = new TempDirectory();
        string rules = MiniRuleset.WriteTo(directory);

        var result = Tool.Run("table", "--rules", rules);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(10, result.OutputLines.Length);
        Assert.Equal("3\t0\t11\t0\t2\tFOO_EL1\tCTL_TA_TB\tFGx\t3\tclear\t-", result.OutputLines[1]);
        Assert.Equal("3\t0\t15\t0\t0\t-\tMODE_FIVE\t-\t-\t-\t-", result.OutputLines[2]);
    }
}
