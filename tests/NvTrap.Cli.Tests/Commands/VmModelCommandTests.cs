using System.Text.Json;
using NvTrap.Cli.Tests.Infrastructure;
using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Commands;

/// <summary>
/// The decision model's VM and context as the tool exposes them: <c>--vm</c> profiles on eval and
/// explain, eval's ctx and nv columns and its outcome column, and the listings of a ruleset that
/// uses filters and host-EL0 behaviours (the runtime tests' sample ruleset, which uses every
/// construct of the language).
/// </summary>
public class VmModelCommandTests
{
    private static readonly string SampleRules = Path.Combine(RepositoryPaths.Root, "tests", "NvTrap.Runtime.Tests", "TestRules");
    private static readonly string NoSme = Path.Combine(RepositoryPaths.Root, "samples", "vm", "no-sme.yaml");

    private static string Hex(string encoding, bool isRead) => $"0x{Esr.ForSysRegAccess(SysRegEncoding.Parse(encoding), isRead).Value:X}";

    [Fact]
    public void Explain_with_a_profile_that_hides_a_feature_says_undefined_in_text_and_json()
    {
        var text = Tool.Run("explain", "--esr", "0x623AF401", "--vm", NoSme);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains($"vm:        profile {NoSme}", text.OutputLines);
        Assert.Contains("decision: undefined (inject UNDEF)", text.OutputLines);
        Assert.Contains("  fine-grained HFGRTR.nTPIDR2_EL0 (bit 55): hidden from this VM -> undefined", text.OutputLines);
        Assert.Contains("reason:    HFGRTR.nTPIDR2_EL0", text.OutputLines);

        var json = Tool.Run("explain", "--esr", "0x623AF401", "--vm", NoSme, "--json");
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal("undef", root.GetProperty("outcome").GetString());
        Assert.Equal("feature-hidden", root.GetProperty("reason").GetString());
        Assert.Equal("HFGRTR.nTPIDR2_EL0", root.GetProperty("rule").GetString());
        Assert.True(root.GetProperty("fineGrained").GetProperty("hidden").GetBoolean());
        Assert.Equal(NoSme, root.GetProperty("vm").GetString());

        // Without the profile the VM has SME, and the clear negative-polarity bit forwards.
        var full = Tool.Run("explain", "--esr", "0x623AF401", "--json");
        using var fullDocument = JsonDocument.Parse(full.Output);
        Assert.Equal("forward", fullDocument.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public void Eval_appends_the_outcome_and_names_the_hidden_bit_as_the_reason()
    {
        const string input = "esr\thfgrtr_el2\n0x623AF401\t0\n0x623AF401\t0x80000000000000\n0x62300860\t0\n";
        var result = Tool.RunWithInput(input, "eval", "--vm", NoSme);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "esr\thfgrtr_el2\tforward\treason\toutcome",
                "0x623AF401\t0\t0\tHFGRTR.nTPIDR2_EL0\tundef",
                "0x623AF401\t0x80000000000000\t0\tHFGRTR.nTPIDR2_EL0\tundef",
                "0x62300860\t0\t0\tnone\tlocal",
            ],
            result.OutputLines);
    }

    [Theory]
    [InlineData("el1\t1", "1\tHCR_TVM_TRVM:HCR_TVM\tforward")]
    [InlineData("\t", "1\tHCR_TVM_TRVM:HCR_TVM\tforward")]        // defaults: EL1, nested virtualization on
    [InlineData("el0\t-", "1\tHCR_TVM_TRVM:HCR_TVM\tforward")]     // the L2 guest's EL0
    [InlineData("el2\t1", "0\tnone\tlocal")]                      // the guest hypervisor itself
    [InlineData("EL1\t0", "0\tnone\tlocal")]                      // no nested virtualization
    public void Eval_takes_the_context_from_the_ctx_and_nv_columns(string context, string decided)
    {
        var result = Tool.RunWithInput($"esr\thcr_el2\tctx\tnv\n0x62300860\t0x4000000\t{context}\n", "eval");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"0x62300860\t0x4000000\t{context}\t{decided}", result.OutputLines[1]);
    }

    [Theory]
    [InlineData("el3\t1", "<stdin>:2: ctx: 'el3' is not el0, el1 or el2.")]
    [InlineData("el1\tyes", "<stdin>:2: nv: 'yes' is neither 1 (nested virtualization on) nor 0 (off).")]
    public void A_bad_ctx_or_nv_cell_is_a_located_row_error(string context, string message)
    {
        var result = Tool.RunWithInput($"esr\thcr_el2\tctx\tnv\n0x62300860\t0x4000000\t{context}\n0x62300860\t0x4000000\tel1\t1\n", "eval");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(message, result.ErrorLines[0]);
        Assert.Equal(2, result.OutputLines.Length); // the header and the good row
    }

    [Fact]
    public void Eval_over_a_ruleset_with_host_el0_forwards_only_flagged_behaviours_there()
    {
        string write = Hex("S3_3_C9_C14_0", isRead: false), read5 = Hex("S3_3_C9_C14_5", isRead: true), apk = Hex("S3_0_C2_C1_0", isRead: true);
        string input =
            "esr\thcr_el2\tctl_el2\tctx\n" +
            $"{write}\t0x8000000\t0x200\tel0\n" +     // T_TEN (write, in host EL0 too) with TGE at EL0
            $"{read5}\t0x8000000\t0\tel0\n" +         // T_COUNTER: counter 5 of 4, in host EL0 too
            $"{apk}\t0x8000000\t0\tel0\n" +           // T_APK matches but does not forward in host EL0
            $"{apk}\t0x8000000\t0\tel2\n";            // vEL2: a hypervisor context, not host EL0
        var result = Tool.RunWithInput(input, "eval", "--rules", SampleRules);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["1\tT_HOST:T_TEN\tforward", "1\tT_HOST:T_COUNTER\tforward", "0\tnone\tlocal", "0\tnone\tlocal"],
            result.OutputLines.Skip(1).Select(l => string.Join('\t', l.Split('\t')[^3..])));
    }

    [Fact]
    public void A_profile_sets_a_rulesets_parameter_and_reserved_bits()
    {
        using var directory = new TempDirectory();
        string vm = directory.Write("vm.yaml", "parameters:\n  NR_COUNTERS: 8\nregisters:\n  HCR_EL2: { res1: 0 }\n");
        string read5 = Hex("S3_3_C9_C14_5", isRead: true), rw = Hex("S3_0_C2_C1_1", isRead: true);
        string input = $"esr\thcr_el2\n{read5}\t0\n{rw}\t0\n";

        var defaults = Tool.RunWithInput(input, "eval", "--rules", SampleRules);
        var profiled = Tool.RunWithInput(input, "eval", "--rules", SampleRules, "--vm", vm);

        // Counter 5 exists when the VM has 8; HCR_EL2.RW reads as it is once it is not RES1.
        Assert.Equal(["1\tT_HOST:T_COUNTER\tforward", "0\tnone\tlocal"], defaults.OutputLines.Skip(1).Select(l => string.Join('\t', l.Split('\t')[^3..])));
        Assert.Equal(["0\tnone\tlocal", "1\tT_RW\tforward"], profiled.OutputLines.Skip(1).Select(l => string.Join('\t', l.Split('\t')[^3..])));
    }

    [Fact]
    public void Explain_shows_a_filter_that_switched_an_entry_off_and_the_host_el0_context()
    {
        var filtered = Tool.Run("explain", "--rules", SampleRules, "--esr", Hex("S1_0_C9_C1_0", isRead: true), "--fgr-el2", "0x80", "--ctl-el2", "0x100", "--json");
        Assert.Equal(0, filtered.ExitCode);
        using (var document = JsonDocument.Parse(filtered.Output))
        {
            var fine = document.RootElement.GetProperty("fineGrained");
            Assert.Equal("NXS_OFF", fine.GetProperty("filter").GetString());
            Assert.Equal("CTL_EL2.NXS", fine.GetProperty("filterExpression").GetString());
            Assert.True(fine.GetProperty("filteredOut").GetBoolean());
            Assert.Equal("local", document.RootElement.GetProperty("outcome").GetString());
        }

        var host = Tool.Run("explain", "--rules", SampleRules, "--esr", Hex("S3_0_C2_C1_0", isRead: true), "--hcr-el2", "0x8000000", "--el", "0");
        Assert.Contains("  context: el == 2 || HCR_EL2.TGE holds (a hypervisor context); host EL0: el != 2 holds -> only behaviours flagged host_el0 forward", host.OutputLines);
        Assert.Contains("decision: handle locally", host.OutputLines);
    }

    [Fact]
    public void Listings_show_filters_and_host_el0_behaviours()
    {
        var table = Tool.Run("table", "--rules", SampleRules);
        Assert.Contains("1\t0\t9\t1\t0\t-\t-\tFG\t7\tset\tNXS_OFF", table.OutputLines);
        Assert.Contains("1\t0\t8\t1\t0\t-\t-\tFG\t7\tset\t-", table.OutputLines);

        var groups = Tool.Run("groups", "--rules", SampleRules);
        Assert.Contains(groups.OutputLines, l => l.StartsWith("T_TEN\tcontrol\tCTL_EL2\t0x200\t0x200\twrite+host_el0\t", StringComparison.Ordinal));
        Assert.Contains(groups.OutputLines, l => l.StartsWith("T_COUNTER\tcondition\t-\t-\t-\tany+host_el0\t", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_in_a_profile_is_located_and_nothing_is_decided()
    {
        using var directory = new TempDirectory();
        string vm = directory.Write("vm.yaml", """
            fgu:
              HFGRTR: 0x1
            registers:
              CNTHCTL_EL2: { res0: 1 }
              HFGRTR_EL2: { res0: 0x1, res1: 0x1 }
            parameters:
              nr: 3
            bogus: 1
            """);

        var result = Tool.RunWithInput("esr\n0x62300860\n", "eval", "--ruleset", "linux-6.6", "--vm", vm);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal(
            [
                $"{vm}(8,1): error NVT002: Unknown key 'bogus' in a VM profile. Allowed keys: fgu, registers, parameters.",
                $"{vm}(2,3): error NVT100: Ruleset 'linux-6.6' has no fine-grained group 'HFGRTR'. Did you mean 'HFGITR'? Its fine-grained groups are HFGxTR, HFGITR.",
                $"{vm}(4,3): error NVT102: Register 'CNTHCTL_EL2' has no reserved bits in ruleset 'linux-6.6' (it declares no 'res0' or 'res1'): the rules read its value unmasked, so a VM profile cannot give it reserved bits. Remove this entry; the registers that take reserved bits are HFGITR_EL2, HFGRTR_EL2, HFGWTR_EL2.",
                $"{vm}(5,34): error NVT057: Register 'HFGRTR_EL2' has bits 0x1 in both 'res0' and 'res1'; a reserved bit reads as 0 or as 1, not both. Remove them from one of the two.",
                $"{vm}(7,3): error NVT100: Ruleset 'linux-6.6' has no parameter 'nr'. It has no parameters.",
                $"nvtrap eval: the VM profile {vm} has 5 errors; fix it and run again.",
            ],
            result.ErrorLines);
    }

    [Fact]
    public void A_parameter_outside_its_range_is_located_at_its_value()
    {
        using var directory = new TempDirectory();
        string vm = directory.Write("vm.yaml", "parameters:\n  NR_COUNTERS: 0x20\n");

        var result = Tool.Run("explain", "--rules", SampleRules, "--esr", "0x62300860", "--vm", vm);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{vm}(2,16): error NVT101: Parameter 'NR_COUNTERS' is 32, outside its range 0..8 in ruleset 'test'; give a value in the range.", result.ErrorLines[0]);
    }

    [Theory]
    [InlineData("", "(1,1): error NVT005: VM profile is empty; give at least one of 'fgu', 'registers' or 'parameters' (or '{}' for the ruleset's defaults).")]
    [InlineData("fgu: [1, 2]\n", "(1,6): error NVT003: Expected a mapping of fine-grained group names to the bits the VM hides under 'fgu', but found a list.")]
    [InlineData("fgu:\n  HFGRTR: [64]\n", "(2,12): error NVT056: Bit 64 is outside a 64-bit register; use 0..63.")]
    [InlineData("registers:\n  HFGRTR_EL2: {}\n", "(2,15): error NVT005: Register 'HFGRTR_EL2' is given no reserved bits; give 'res0', 'res1' or both, e.g. '{ res0: 0xffff000000000000 }', or remove the entry.")]
    [InlineData("fgu: { HFGRTR: 1, HFGRTR: 2 }\n", "(1,19): error NVT004: 'HFGRTR' is given twice under 'fgu' (first at ")]
    [InlineData("a: [\n", "(2,1): error NVT001: YAML syntax error")]
    public void A_malformed_profile_is_reported_where_it_goes_wrong(string text, string message)
    {
        using var directory = new TempDirectory();
        string vm = directory.Write("vm.yaml", text);

        var result = Tool.Run("explain", "--esr", "0x62300860", "--vm", vm);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(vm + message, result.ErrorLines[0]);
    }

    [Fact]
    public void A_profile_that_cannot_be_read_is_refused_with_its_path()
    {
        using var directory = new TempDirectory();
        var missing = Tool.Run("explain", "--esr", "0x62300860", "--vm", Path.Combine(directory.Path, "none.yaml"));
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith($"nvtrap explain: --vm {Path.Combine(directory.Path, "none.yaml")}: it cannot be read: ", missing.ErrorLines[0]);

        var folder = Tool.Run("eval", "--vm", directory.Path, TestPaths.SampleAccesses);
        Assert.Equal($"nvtrap eval: --vm {directory.Path}: it is a folder, not a file.", folder.ErrorLines[0]);

        if (Platform.NoDevices is null)
        {
            // A device that never ends is refused by its kind, before it is opened
            // (Hostile/NonRegularInputTests has every input and every kind).
            var endless = Tool.Run("eval", "--vm", "/dev/zero", TestPaths.SampleAccesses);
            Assert.Equal(1, endless.ExitCode);
            Assert.Equal("nvtrap eval: --vm /dev/zero: it is a character device, not a regular file.", endless.ErrorLines[0]);
        }
    }
}
