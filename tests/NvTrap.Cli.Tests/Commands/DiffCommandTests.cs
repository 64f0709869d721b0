using System.Text.Json;
using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Commands;

/// <summary><c>nvtrap diff</c> over the mini ruleset and an edited copy: every kind of change, in each format.</summary>
public class DiffCommandTests
{
    /// <summary>
    /// The mini ruleset edited: CTL_TB forwards writes instead of reads, a control CTL_TC is added
    /// and trapped on one more encoding, MODE_FIVE's range loses its last encoding, FOO_EL1's
    /// fine-grained bit traps when set, and a filter and a parameter are added.
    /// </summary>
    private static string Edited() => MiniRuleset.Text
        .Replace("CTL_TB: { register: CTL_EL2, mask: TB, value: TB, forward: read }",
                 "CTL_TB: { register: CTL_EL2, mask: TB, value: TB, forward: write }\n  CTL_TC: { register: CTL_EL2, mask: TA, value: 0, forward: any }")
        .Replace("range: [S3_0_C15_C0_0, S3_0_C15_C0_7] }", "range: [S3_0_C15_C0_0, S3_0_C15_C0_6] }\n  - { group: CTL_TC, sysreg: S3_0_C15_C1_0 }")
        .Replace("trap_when: clear }", "trap_when: set, filter: OFF }\nfilters:\n  OFF: \"CTL_EL2.TA\"\nparameters:\n  N: { default: 1, range: 0..3 }")
        .Replace("when: \"CTL_EL2.MODE == 5 && op2 == 1\"", "when: \"CTL_EL2.MODE == 5 && op2 == N\"");

    private static (string From, string To, TempDirectory Directory) Rulesets()
    {
        var directory = new TempDirectory();
        string from = directory.Write("from/mini.nvtrap.yaml", MiniRuleset.Text);
        string to = directory.Write("to/mini.nvtrap.yaml", Edited());
        return (from, to, directory);
    }

    [Fact]
    public void Tsv_lists_each_change_field_by_field()
    {
        var (from, to, directory) = Rulesets();
        using (directory)
        {
            var result = Tool.Run("diff", from, to, "--format", "tsv");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(
                [
                    "change\tkind\tname\tfield\told\tnew",
                    "changed\tencoding\tS3_0_C11_C0_2\tfgt_polarity\tclear\tset",
                    "changed\tencoding\tS3_0_C11_C0_2\tfilter\t-\tOFF",
                    "removed\tencoding\tS3_0_C15_C0_7\t-\tgroup=MODE_FIVE\t-",
                    "added\tencoding\tS3_0_C15_C1_0\t-\t-\tgroup=CTL_TC",
                    "changed\tgroup\tCTL_TA_TB\tbehaviour\tany\twrite",
                    "changed\tgroup\tCTL_TB\tbehaviour\tread\twrite",
                    "added\tgroup\tCTL_TC\t-\t-\tkind=control register=CTL_EL2 mask=0x1 value=0x0 behaviour=any",
                    "changed\tgroup\tMODE_FIVE\tcondition\tCTL_EL2.MODE == 5 && op2 == 1\tCTL_EL2.MODE == 5 && op2 == N",
                    "added\tfilter\tOFF\t-\t-\texpression=CTL_EL2.TA",
                    "added\tparameter\tN\t-\t-\tdefault=1 range=0..3",
                ],
                result.OutputLines);
        }
    }

    [Fact]
    public void The_same_ruleset_twice_has_no_differences()
    {
        var (from, _, directory) = Rulesets();
        using (directory)
        {
            var text = Tool.Run("diff", from, from);
            Assert.Equal(0, text.ExitCode);
            Assert.Equal(["mini -> mini: 9 -> 9 configured encodings, 4 -> 4 groups", "no differences"], text.OutputLines);

            var tsv = Tool.Run("diff", "linux-6.6", "linux-6.6", "--format", "tsv");
            Assert.Equal(["change\tkind\tname\tfield\told\tnew"], tsv.OutputLines);
        }
    }

    [Fact]
    public void Json_gives_a_summary_and_the_same_changes()
    {
        var (from, to, directory) = Rulesets();
        using (directory)
        {
            var tsv = Tool.Run("diff", from, to, "--format", "tsv");
            var json = Tool.Run("diff", from, to, "--format", "json");

            Assert.Equal(0, json.ExitCode);
            using var document = JsonDocument.Parse(json.Output);
            var root = document.RootElement;
            Assert.Equal(("mini", "mini"), (root.GetProperty("from").GetString(), root.GetProperty("to").GetString()));
            var encodings = root.GetProperty("summary").GetProperty("encoding");
            Assert.Equal((1, 1, 1), (encodings.GetProperty("added").GetInt32(), encodings.GetProperty("removed").GetInt32(), encodings.GetProperty("changed").GetInt32()));
            var changes = root.GetProperty("changes").EnumerateArray()
                .Select(c => string.Join('\t', new[] { "change", "kind", "name", "field", "old", "new" }.Select(k => c.GetProperty(k).GetString())))
                .ToList();
            Assert.Equal(tsv.OutputLines.Skip(1), changes);
        }
    }

    [Fact]
    public void Text_summarises_then_lists_changes()
    {
        var (from, to, directory) = Rulesets();
        using (directory)
        {
            var result = Tool.Run("diff", from, to);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("mini -> mini: 9 -> 9 configured encodings, 4 -> 5 groups", result.OutputLines[0]);
            Assert.Contains("  encodings: 1 added, 1 removed, 1 changed", result.OutputLines);
            Assert.Contains("  fgt_polarity clear -> set; filter - -> OFF (1): FOO_EL1 (S3_0_C11_C0_2)", result.OutputLines);
            Assert.Contains("  CTL_TB: behaviour read -> write", result.OutputLines);
        }
    }

    [Fact]
    public void An_argument_that_is_neither_a_built_in_name_nor_a_path_is_a_usage_error()
    {
        var result = Tool.Run("diff", "linux-6.6", "linux-9.9");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("nvtrap: 'linux-9.9' is neither a built-in ruleset", result.ErrorLines[0]);
    }
}
