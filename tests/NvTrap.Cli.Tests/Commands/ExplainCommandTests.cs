using System.Text.Json;
using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Commands;

public class ExplainCommandTests
{
    [Fact]
    public void Explains_a_ttbr0_el1_write_with_hcr_el2_tvm_set()
    {
        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860", "--hcr-el2", "0x4000000");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            [
                "ruleset:   linux-6.6 (built in)",
                "access:    write (MSR) of TTBR0_EL1 (S3_0_C2_C0_0), Rt = x3; ESR 0x62300860",
                "vcpu:      L2 guest at virtual EL1, nested virtualization on",
                "registers: HCR_EL2 = 0x4000000; every other register 0",
                "decision: forward to L1",
                "  Forward to the guest hypervisor: the write of TTBR0_EL1 (S3_0_C2_C0_0) is trapped by HCR_TVM (in HCR_TVM_TRVM).",
                "  fine-grained HFGxTR.TTBR0_EL1 (bit 36) in HFGWTR_EL2 = 0x0, after RES0 0xFF3845001624C604 cleared = 0x0: bit is clear, traps when set -> no",
                "  group HCR_TVM_TRVM (combination)",
                "    HCR_TVM [forward write]: HCR_EL2 = 0x4000000, & mask 0x4000000 = 0x4000000 == value 0x4000000 -> forward",
                "    HCR_TRVM [forward read]: HCR_EL2 = 0x4000000, & mask 0x40000000 = 0x0 != value 0x40000000 -> no",
                "reason:    HCR_TVM_TRVM:HCR_TVM",
            ],
            result.OutputLines);
    }

    [Fact]
    public void Without_the_control_the_write_is_handled_locally()
    {
        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("decision: handle locally", result.OutputLines);
        Assert.Contains("registers: all 0", result.OutputLines);
        Assert.Contains("reason:    none", result.OutputLines);
    }

    [Fact]
    public void An_access_from_virtual_el2_is_the_guest_hypervisors_own_and_handled_locally()
    {
        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860", "--hcr-el2", "0x4000000", "--el", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("vcpu:      virtual EL2 (the guest hypervisor itself), nested virtualization on", result.OutputLines);
        Assert.Contains("decision: handle locally", result.OutputLines);
        Assert.Contains("  Handled locally: the write of TTBR0_EL1 (S3_0_C2_C0_0) comes from the guest hypervisor's own context, at EL2.", result.OutputLines);
        Assert.Contains("  context: el == 2 || HCR_EL2.TGE holds (a hypervisor context)", result.OutputLines);
    }

    [Theory]
    [InlineData("0x4000000", "0", true)]     // TVM alone: L2 user space, still trapped for L1
    [InlineData("0x40C000000", "0", false)]  // TVM with E2H and TGE: the guest hypervisor's own user space
    [InlineData("0x4000000", "1", true)]     // TVM at EL1: the L2 guest kernel
    [InlineData("0xC000000", "0", false)]    // TGE without E2H: still the guest hypervisor's (the kernel's is_hyp_ctxt)
    [InlineData("0xC000000", "1", false)]    // TGE at EL1: also a hypervisor context
    [InlineData("0x404000000", "0", true)]   // E2H without TGE: the L2 guest's EL0
    public void Tge_set_at_any_el_makes_the_access_the_guest_hypervisors(string hcr, string el, bool forwarded)
    {
        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860", "--hcr-el2", hcr, "--el", el);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(forwarded ? "decision: forward to L1" : "decision: handle locally", result.OutputLines);
    }

    [Fact]
    public void Without_nested_virtualization_every_trap_is_handled_locally()
    {
        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860", "--hcr-el2", "0x4000000", "--no-nested-virt", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("forward").GetBoolean());
        Assert.False(root.GetProperty("nestedVirtualization").GetBoolean());
        Assert.Equal(1, root.GetProperty("el").GetInt32());
    }

    [Fact]
    public void An_exception_level_other_than_0_1_2_is_refused()
    {
        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860", "--el", "3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'3'", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Shows_a_condition_with_its_operands()
    {
        // CNTPCT_EL0 read with E2H set and CNTHCTL_EL2 bit 10 clear: EL1PCTEN traps.
        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x6232F801", "--hcr-el2", "0x400000000", "--cnthctl-el2", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("    CNTHCTL_EL1PCTEN [forward any]: !(HCR_EL2.E2H ? CNTHCTL_EL2[10] : CNTHCTL_EL2[0]) with HCR_EL2 = 0x400000000, CNTHCTL_EL2 = 0x1 is true -> forward", result.OutputLines);
    }

    [Fact]
    public void Json_holds_the_decision_and_the_whole_chain()
    {
        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860", "--hcr-el2", "0x4000000", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("linux-6.6", root.GetProperty("ruleset").GetString());
        Assert.Equal("0x62300860", root.GetProperty("esr").GetString());
        Assert.Equal("S3_0_C2_C0_0", root.GetProperty("encoding").GetString());
        Assert.Equal("TTBR0_EL1", root.GetProperty("name").GetString());
        Assert.Equal("write", root.GetProperty("access").GetString());
        Assert.True(root.GetProperty("forward").GetBoolean());
        Assert.Equal("coarse-trap", root.GetProperty("reason").GetString());
        Assert.Equal("HCR_TVM_TRVM:HCR_TVM", root.GetProperty("rule").GetString());
        Assert.Equal("0x4000000", root.GetProperty("registers").GetProperty("HCR_EL2").GetString());

        var fine = root.GetProperty("fineGrained");
        Assert.Equal("HFGxTR.TTBR0_EL1", fine.GetProperty("bitName").GetString());
        Assert.Equal(36, fine.GetProperty("bit").GetInt32());
        Assert.Equal("HFGWTR_EL2", fine.GetProperty("register").GetString());
        Assert.Equal("0xFF3845001624C604", fine.GetProperty("res0").GetString());
        Assert.Equal("set", fine.GetProperty("trapWhen").GetString());
        Assert.False(fine.GetProperty("forwarded").GetBoolean());

        var group = root.GetProperty("group");
        Assert.Equal("HCR_TVM_TRVM", group.GetProperty("name").GetString());
        Assert.Equal("combination", group.GetProperty("kind").GetString());
        var members = group.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(2, members.Count);
        var tvm = members[0];
        Assert.Equal("HCR_TVM", tvm.GetProperty("name").GetString());
        Assert.Equal("HCR_EL2", tvm.GetProperty("register").GetString());
        Assert.Equal("0x4000000", tvm.GetProperty("value").GetString());
        Assert.Equal("0x4000000", tvm.GetProperty("mask").GetString());
        Assert.Equal("0x4000000", tvm.GetProperty("expected").GetString());
        Assert.Equal("write", tvm.GetProperty("behaviour").GetString());
        Assert.True(tvm.GetProperty("matched").GetBoolean());
        Assert.False(members[1].GetProperty("matched").GetBoolean());
    }

    [Fact]
    public void Json_shows_condition_text_and_operands()
    {
        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x6232F801", "--json");

        using var json = JsonDocument.Parse(result.Output);
        var member = json.RootElement.GetProperty("group").GetProperty("members")[0];
        Assert.Equal("condition", member.GetProperty("kind").GetString());
        Assert.Equal("!(HCR_EL2.E2H ? CNTHCTL_EL2[10] : CNTHCTL_EL2[0])", member.GetProperty("condition").GetString());
        Assert.Equal("0x0", member.GetProperty("operands").GetProperty("CNTHCTL_EL2").GetString());
        Assert.True(member.GetProperty("matched").GetBoolean());
    }

    [Fact]
    public void Register_values_come_from_a_state_file_and_options_override_it()
    {
        using var directory = new TempDirectory();
        string state = directory.Write("l1.txt", """
            # the guest hypervisor's registers
            HCR_EL2 = 0x40000000      # TRVM
            hfgwtr-el2: 0x1000000000
            mdcr_el2 0x20
            """);

        var fromFile = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860", "--state", state);
        var overridden = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860", "--state", state, "--hfgwtr-el2", "0", "--hcr-el2", "0x4000000");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Contains("registers: HCR_EL2 = 0x40000000, MDCR_EL2 = 0x20, HFGWTR_EL2 = 0x1000000000; every other register 0", fromFile.OutputLines);
        Assert.Contains("reason:    HFGxTR.TTBR0_EL1", fromFile.OutputLines);
        Assert.Equal(0, overridden.ExitCode);
        Assert.Contains("registers: HCR_EL2 = 0x4000000, MDCR_EL2 = 0x20; every other register 0", overridden.OutputLines);
        Assert.Contains("reason:    HCR_TVM_TRVM:HCR_TVM", overridden.OutputLines);
    }

    [Fact]
    public void A_bad_state_file_is_reported_line_by_line()
    {
        using var directory = new TempDirectory();
        string state = directory.Write("bad.txt", "HCR_EL2 0xZZ\nNOPE_EL2 1\nHCR_EL2\nMDCR_EL2 1\nMDCR_EL2 2\n");

        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860", "--state", state);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal(
            [
                $"{state}:1: HCR_EL2: '0xZZ' is not hexadecimal ('Z' is not a hex digit); give a value such as 0x4000000 or 4000000.",
                $"{state}:2: unknown register 'NOPE_EL2'; this ruleset reads CNTHCTL_EL2, HCR_EL2, MDCR_EL2, HFGITR_EL2, HFGRTR_EL2, HFGWTR_EL2.",
                $"{state}:3: 'HCR_EL2' has no value; write REGISTER VALUE, e.g. HCR_EL2 0x4000000.",
                $"{state}:5: MDCR_EL2 is already given on line 4; give each register once.",
            ],
            result.ErrorLines);
    }

    [Fact]
    public void A_missing_state_file_is_an_input_error()
    {
        var result = Tool.Run("explain", "--ruleset", "linux-6.6", "--esr", "0x62300860", "--state", Path.Combine(Path.GetTempPath(), "no-such-nvtrap-state.txt"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--state", result.Error);
        Assert.Contains("cannot be read", result.Error);
    }

    [Theory]
    [InlineData("--hcr-el2", "0xG")]
    [InlineData("--hcr-el2", "")]
    [InlineData("--esr", "62300860z")]
    public void Bad_hex_in_an_option_is_a_usage_error(string option, string value)
    {
        string[] args = option == "--esr" ? ["explain", option, value] : ["explain", "--esr", "0x62300860", option, value];

        var result = Tool.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"nvtrap: {option}: ", result.Error);
    }

    [Fact]
    public void Rules_given_at_run_time_bring_their_own_register_options()
    {
        using var directory = new TempDirectory();
        string rules = MiniRuleset.WriteTo(directory);

        var help = Tool.Run("explain", "--rules", rules, "--help");
        var result = Tool.Run("explain", "--rules", rules, "--esr", MiniRuleset.FooWrite.Value.ToString("X"), "--ctl-el2", "1", "--fgr-el2", "8");
        var builtInOption = Tool.Run("explain", "--rules", rules, "--esr", "0x62300860", "--hcr-el2", "1");

        Assert.Contains("--ctl-el2 <HEX>", help.Output);
        Assert.Contains("--fgr-el2 <HEX>", help.Output);
        Assert.DoesNotContain("--hcr-el2 <HEX>", help.Output);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"ruleset:   mini ({rules})", result.OutputLines);
        Assert.Contains("reason:    CTL_TA_TB:CTL_TA", result.OutputLines);
        Assert.Equal(2, builtInOption.ExitCode);
        Assert.Contains("--hcr-el2", builtInOption.Error);
    }

    [Fact]
    public void Interpreted_conditions_show_their_operands()
    {
        using var directory = new TempDirectory();
        string rules = MiniRuleset.WriteTo(directory);

        var result = Tool.Run("explain", "--rules", rules, "--esr", MiniRuleset.ModeRead.Value.ToString("X"), "--ctl-el2", "0x50");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("    MODE_FIVE [forward any]: CTL_EL2.MODE == 5 && op2 == 1 with CTL_EL2 = 0x50 is true -> forward", result.OutputLines);
    }
}
