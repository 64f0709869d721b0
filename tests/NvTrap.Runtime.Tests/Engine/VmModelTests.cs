using NvTrap.Testing;

namespace NvTrap.Runtime.Tests.Engine;

/// <summary>
/// The parts of a decision that depend on the VM and the context, on the test ruleset: hidden
/// features (undefined), reserved bits, parameters, filters and host EL0.
/// </summary>
public class VmModelTests
{
    private static readonly SysRegEncoding VmReg = SysRegEncoding.Parse("S3_0_C1_C0_0");      // T_VM + FG.BAR (set)
    private static readonly SysRegEncoding FooReg = SysRegEncoding.Parse("S3_0_C13_C0_5");    // FG.nFOO (clear), no coarse group
    private static readonly SysRegEncoding RwReg = SysRegEncoding.Parse("S3_0_C2_C1_1");      // T_RW: HCR_EL2.RW clear, a RES1 bit
    private static readonly SysRegEncoding Tlbi = SysRegEncoding.Parse("S1_0_C8_C1_0");       // FG.TLBI
    private static readonly SysRegEncoding TlbiNxs = SysRegEncoding.Parse("S1_0_C9_C1_0");    // FG.TLBI, filtered by NXS_OFF

    private const ulong Tge = 1UL << 27;
    private const ulong CtlNxs = 1UL << 8, CtlTen = 1UL << 9;

    private static TestTraps.State Guest() => new() { HasNestedVirtualization = true, CurrentEl = ExceptionLevel.El1 };

    private static TestTraps.State HostEl0()
    {
        var state = Guest();
        state.CurrentEl = ExceptionLevel.El0;
        state.HCR_EL2 = Tge;
        return state;
    }

    private static Esr Access(SysRegEncoding encoding, bool isRead) => Esr.ForSysRegAccess(encoding, isRead);

    /// <summary>The counter registers of T_HOST: op2 is the counter number.</summary>
    private static SysRegEncoding Counter(int op2) => SysRegEncoding.Create(3, 3, 9, 14, op2);

    [Fact]
    public void A_hidden_fine_grained_bit_makes_the_access_undefined_with_or_without_nested_virtualization()
    {
        var vm = TestTraps.DefaultVm();
        vm.SetHiddenBits(TestTraps.FineGrainedGroups.FG, 1UL << 6); // FG.BAR
        foreach (bool nv in new[] { true, false })
        {
            foreach (var el in new[] { ExceptionLevel.El0, ExceptionLevel.El1, ExceptionLevel.El2 })
            {
                var state = Guest();
                state.HasNestedVirtualization = nv;
                state.CurrentEl = el;
                var decision = TestTraps.Decide(state, vm, Access(VmReg, isRead: true));
                Assert.Equal(DecisionReason.FeatureHidden, decision.Reason);
                Assert.Equal(TrapOutcome.Undefined, decision.Outcome);
                Assert.False(decision.Forward);
                Assert.Equal((TestTraps.FineGrainedGroups.FG, 6), (decision.FineGrainedGroup, decision.FineGrainedBit));
            }
        }

        // Another bit of the same group is not hidden, and the default profile hides nothing.
        Assert.Equal(DecisionReason.FineGrainedTrap, TestTraps.Decide(Guest(), vm, Access(FooReg, isRead: true)).Reason);
        Assert.Equal(DecisionReason.NotTrapped, TestTraps.Decide(Guest(), Access(VmReg, isRead: true)).Reason);
    }

    [Fact]
    public void An_encoding_without_configuration_is_local_even_if_every_bit_is_hidden()
    {
        var vm = TestTraps.DefaultVm();
        vm.SetHiddenBits(TestTraps.FineGrainedGroups.FG, ulong.MaxValue);
        var decision = TestTraps.Decide(Guest(), vm, Access(SysRegEncoding.Parse("S3_0_C0_C0_0"), isRead: true));
        Assert.Equal((DecisionReason.NoConfiguration, TrapOutcome.Local), (decision.Reason, decision.Outcome));
    }

    [Fact]
    public void A_res1_bit_reads_as_set_so_a_control_waiting_for_it_to_clear_never_matches()
    {
        var state = Guest();
        Assert.Equal(DecisionReason.NotTrapped, TestTraps.Decide(state, Access(RwReg, isRead: true)).Reason);

        // A VM profile that does not reserve HCR_EL2.RW lets the raw value through.
        var vm = TestTraps.DefaultVm();
        vm.SetReserved(TestTraps.Registers.HCR_EL2, res0: 0, res1: 0);
        var decision = TestTraps.Decide(state, vm, Access(RwReg, isRead: true));
        Assert.Equal((DecisionReason.CoarseTrap, TestTraps.Groups.T_RW), (decision.Reason, decision.Member));
    }

    [Fact]
    public void Res0_bits_of_the_profile_replace_the_rulesets_for_both_polarities()
    {
        var state = Guest();
        state.FGR_EL2 = 1UL << 6;
        Assert.Equal(DecisionReason.FineGrainedTrap, TestTraps.Decide(state, Access(VmReg, isRead: true)).Reason);

        var vm = TestTraps.DefaultVm();
        vm.SetReserved(TestTraps.Registers.FGR_EL2, res0: (1UL << 6) | (1UL << 5), res1: 0);
        Assert.Equal(DecisionReason.NotTrapped, TestTraps.Decide(state, vm, Access(VmReg, isRead: true)).Reason);

        // Trap when clear: a clear bit traps only while it is not RES0 for the VM.
        state.FGR_EL2 = 0;
        Assert.Equal(DecisionReason.FineGrainedTrap, TestTraps.Decide(state, Access(FooReg, isRead: true)).Reason);
        Assert.Equal(DecisionReason.NotTrapped, TestTraps.Decide(state, vm, Access(FooReg, isRead: true)).Reason);
    }

    [Fact]
    public void Only_a_register_the_ruleset_sanitises_takes_reserved_bits()
    {
        var vm = TestTraps.DefaultVm();
        Assert.False(vm.IsSanitised(TestTraps.Registers.CTL_EL2));
        Assert.True(vm.IsSanitised(TestTraps.Registers.HCR_EL2));
        Assert.Throws<InvalidOperationException>(() => vm.SetReserved(TestTraps.Registers.CTL_EL2, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => vm.SetHiddenBits(16, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => vm.SetParameter(-1, 1));
    }

    [Fact]
    public void A_filter_that_holds_switches_its_entries_off_and_the_decision_names_it()
    {
        var state = Guest();
        state.FGR_EL2 = 1UL << 7; // FG.TLBI
        Assert.Equal(DecisionReason.FineGrainedTrap, TestTraps.Decide(state, Access(TlbiNxs, isRead: true)).Reason);

        state.CTL_EL2 = CtlNxs;
        var filtered = TestTraps.Decide(state, Access(TlbiNxs, isRead: true));
        Assert.Equal((DecisionReason.NotTrapped, TrapOutcome.Local, TestTraps.Filters.NXS_OFF), (filtered.Reason, filtered.Outcome, filtered.Filter));

        // The unfiltered entry on the same bit still traps.
        var plain = TestTraps.Decide(state, Access(Tlbi, isRead: true));
        Assert.Equal((DecisionReason.FineGrainedTrap, 0), (plain.Reason, plain.Filter));
    }

    [Fact]
    public void A_parameter_of_the_profile_is_what_a_condition_reads()
    {
        var state = Guest();
        for (int op2 = 0; op2 < 8; op2++)
        {
            // Default NR_COUNTERS = 4: counters 4..7 do not exist and trap.
            Assert.Equal(op2 >= 4, TestTraps.Decide(state, Access(Counter(op2), isRead: true)).Forward);
        }

        var none = TestTraps.DefaultVm();
        none.SetParameter(TestTraps.Parameters.NR_COUNTERS, 0);
        var all = TestTraps.DefaultVm();
        all.SetParameter(TestTraps.Parameters.NR_COUNTERS, 8);
        for (int op2 = 0; op2 < 8; op2++)
        {
            var decision = TestTraps.Decide(state, none, Access(Counter(op2), isRead: true));
            Assert.Equal((DecisionReason.CoarseTrap, TestTraps.Groups.T_COUNTER), (decision.Reason, decision.Member));
            Assert.Equal(DecisionReason.NotTrapped, TestTraps.Decide(state, all, Access(Counter(op2), isRead: true)).Reason);
        }
    }

    [Fact]
    public void In_host_el0_only_behaviours_flagged_for_it_forward()
    {
        var state = HostEl0();

        // Nothing matches: local, for the host-EL0 rule.
        Assert.Equal(DecisionReason.HostEl0NotForwarded, TestTraps.Decide(state, Access(Counter(0), isRead: false)).Reason);

        // T_TEN (write, in host EL0 too) forwards writes; reads match nothing that covers them.
        state.CTL_EL2 = CtlTen;
        var write = TestTraps.Decide(state, Access(Counter(0), isRead: false));
        Assert.Equal((DecisionReason.CoarseTrap, TestTraps.Groups.T_HOST, TestTraps.Groups.T_TEN), (write.Reason, write.Group, write.Member));
        Assert.Equal(DecisionReason.NotTrapped, TestTraps.Decide(state, Access(Counter(0), isRead: true)).Reason);

        // The condition forwards in host EL0 too, by the profile's parameter.
        var read = TestTraps.Decide(state, Access(Counter(5), isRead: true));
        Assert.Equal((DecisionReason.CoarseTrap, TestTraps.Groups.T_COUNTER), (read.Reason, read.Member));

        // A control without the flag does not forward in host EL0, though it matches.
        var apk = TestTraps.Decide(state, Access(SysRegEncoding.Parse("S3_0_C2_C1_0"), isRead: true));
        Assert.Equal(DecisionReason.HostEl0NotForwarded, apk.Reason);

        // Virtual EL2 is a hypervisor context but not host EL0: everything is local there.
        state.CurrentEl = ExceptionLevel.El2;
        Assert.Equal(DecisionReason.HypervisorContext, TestTraps.Decide(state, Access(Counter(0), isRead: false)).Reason);
    }

    [Fact]
    public void Fine_grained_bits_never_apply_in_host_el0()
    {
        var state = HostEl0();
        state.FGR_EL2 = 1UL << 7; // FG.TLBI would trap outside a hypervisor context
        Assert.Equal(DecisionReason.HostEl0NotForwarded, TestTraps.Decide(state, Access(Tlbi, isRead: true)).Reason);
        state.HCR_EL2 = 0;
        Assert.Equal(DecisionReason.FineGrainedTrap, TestTraps.Decide(state, Access(Tlbi, isRead: true)).Reason);
    }

    [Fact]
    public void The_default_profile_decides_as_the_ruleset_itself()
    {
        var random = new Random(13);
        var vm = TestTraps.DefaultVm();
        for (int value = 0; value <= ushort.MaxValue; value++)
        {
            var state = Guest();
            state.CurrentEl = (ExceptionLevel)random.Next(3);
            state.HCR_EL2 = RandomRegisters.Next(random);
            state.CTL_EL2 = RandomRegisters.Next(random);
            state.FGR_EL2 = RandomRegisters.Next(random);
            state.FGW_EL2 = RandomRegisters.Next(random);
            var esr = Access(new SysRegEncoding((ushort)value), isRead: random.Next(2) == 0);
            Assert.Equal(TestTraps.Decide(state, esr), TestTraps.Decide(state, vm, esr));
        }
    }

    [Fact]
    public void Explain_names_a_hidden_bit_a_filter_and_the_host_el0_rule()
    {
        var vm = TestTraps.DefaultVm();
        vm.SetHiddenBits(TestTraps.FineGrainedGroups.FG, 1UL << 6);
        var hidden = TestTraps.Explain(Guest(), vm, Access(VmReg, isRead: true));
        Assert.Equal(TrapOutcome.Undefined, hidden.Decision.Outcome);
        Assert.True(hidden.FineGrained!.Hidden);
        Assert.Contains("decision: undefined (inject UNDEF)", hidden.ToString());
        Assert.Contains("FG.BAR (bit 6): hidden from this VM -> undefined", hidden.ToString());

        var state = Guest();
        state.CTL_EL2 = CtlNxs;
        var filtered = TestTraps.Explain(state, Access(TlbiNxs, isRead: true));
        Assert.True(filtered.FineGrained!.FilteredOut);
        Assert.Equal(("NXS_OFF", "CTL_EL2.NXS"), (filtered.FineGrained.Filter, filtered.FineGrained.FilterText));
        Assert.Contains("switched off by filter NXS_OFF (CTL_EL2.NXS holds)", filtered.ToString());

        var host = TestTraps.Explain(HostEl0(), Access(SysRegEncoding.Parse("S3_0_C2_C1_0"), isRead: true));
        Assert.Equal(DecisionReason.HostEl0NotForwarded, host.Decision.Reason);
        Assert.Contains("host EL0", host.Summary);
        Assert.Equal(new ContextStep("el == 2 || HCR_EL2.TGE", true, "el != 2", true), host.Context);
        Assert.Contains("context: el == 2 || HCR_EL2.TGE holds (a hypervisor context); host EL0: el != 2 holds -> only behaviours flagged host_el0 forward", host.ToString());
    }
}
