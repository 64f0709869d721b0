namespace NvTrap.Runtime.Tests.Engine;

/// <summary>Each kind of group and each early exit of the decision, on the small test ruleset.</summary>
public class DecisionTests
{
    private static readonly SysRegEncoding VmReg = SysRegEncoding.Parse("S3_0_C1_C0_0");      // T_VM + FG.BAR (set)
    private static readonly SysRegEncoding VmReg2 = SysRegEncoding.Parse("S3_0_C2_C0_0");     // T_VM only
    private static readonly SysRegEncoding KeyReg = SysRegEncoding.Parse("S3_0_C2_C1_0");     // T_APK
    private static readonly SysRegEncoding FooReg = SysRegEncoding.Parse("S3_0_C13_C0_5");    // FG.nFOO (clear), no coarse group

    private static TestTraps.State Guest() => new() { HasNestedVirtualization = true, CurrentEl = ExceptionLevel.El1 };

    private static TrapDecision Decide(TestTraps.State state, SysRegEncoding encoding, bool isRead) =>
        TestTraps.Decide(state, Esr.ForSysRegAccess(encoding, isRead));

    [Fact]
    public void A_control_that_traps_on_zero_forwards_while_the_bit_is_clear()
    {
        var state = Guest();
        var decision = Decide(state, KeyReg, isRead: true);
        Assert.True(decision.Forward);
        Assert.Equal(DecisionReason.CoarseTrap, decision.Reason);
        Assert.Equal(TestTraps.Groups.T_APK, decision.Member);

        state.HCR_EL2 = 1UL << 40;
        Assert.False(Decide(state, KeyReg, isRead: true).Forward);
        Assert.Equal(DecisionReason.NotTrapped, Decide(state, KeyReg, isRead: false).Reason);
    }

    [Fact]
    public void A_combination_forwards_by_whichever_member_matches_the_direction()
    {
        var state = Guest();
        state.HCR_EL2 = 1UL << 26; // TVM: writes
        var write = Decide(state, VmReg2, isRead: false);
        Assert.True(write.Forward);
        Assert.Equal(TestTraps.Groups.T_VM, write.Group);
        Assert.Equal(TestTraps.Groups.T_TVM, write.Member);
        Assert.False(Decide(state, VmReg2, isRead: true).Forward);

        state.HCR_EL2 = 1UL << 30; // TRVM: reads
        var read = Decide(state, VmReg2, isRead: true);
        Assert.True(read.Forward);
        Assert.Equal(TestTraps.Groups.T_TRVM, read.Member);
        Assert.False(Decide(state, VmReg2, isRead: false).Forward);
    }

    [Fact]
    public void A_control_over_a_bit_range_compares_the_whole_field()
    {
        var state = Guest();
        var reg = SysRegEncoding.Parse("S3_1_C15_C7_3");
        foreach (ulong mode in new ulong[] { 0, 1, 3 })
        {
            state.CTL_EL2 = mode << 2;
            Assert.False(Decide(state, reg, isRead: true).Forward);
        }

        state.CTL_EL2 = (2UL << 2) | 1;
        Assert.True(Decide(state, reg, isRead: false).Forward);
    }

    [Fact]
    public void A_condition_reads_registers_and_the_encoding()
    {
        var state = Guest();
        var crm2 = SysRegEncoding.Parse("S3_2_C15_C2_1");
        var crm3 = SysRegEncoding.Parse("S3_2_C15_C3_1");
        Assert.False(Decide(state, crm2, isRead: true).Forward);

        state.CTL_EL2 = 1;
        var decision = Decide(state, crm2, isRead: true);
        Assert.True(decision.Forward);
        Assert.Equal(TestTraps.Groups.T_COND, decision.Member);
        Assert.False(Decide(state, crm2, isRead: false).Forward); // the condition forwards reads only
        Assert.False(Decide(state, crm3, isRead: true).Forward);   // crm == 2 fails
    }

    [Fact]
    public void A_fine_grained_bit_with_clear_polarity_forwards_while_clear()
    {
        var state = Guest();
        var read = Decide(state, FooReg, isRead: true);
        Assert.True(read.Forward);
        Assert.Equal(DecisionReason.FineGrainedTrap, read.Reason);
        Assert.Equal(TestTraps.FineGrainedGroups.FG, read.FineGrainedGroup);
        Assert.Equal(5, read.FineGrainedBit);

        state.FGR_EL2 = 1UL << 5;
        Assert.False(Decide(state, FooReg, isRead: true).Forward);
        Assert.True(Decide(state, FooReg, isRead: false).Forward); // writes test FGW_EL2, still clear
        state.FGW_EL2 = 1UL << 5;
        Assert.Equal(DecisionReason.NotTrapped, Decide(state, FooReg, isRead: false).Reason);
    }

    [Fact]
    public void A_fine_grained_bit_with_set_polarity_forwards_while_set_and_is_checked_before_the_coarse_group()
    {
        var state = Guest();
        Assert.False(Decide(state, VmReg, isRead: true).Forward);
        state.FGR_EL2 = 1UL << 6;
        var decision = Decide(state, VmReg, isRead: true);
        Assert.Equal(DecisionReason.FineGrainedTrap, decision.Reason);
        Assert.Equal(TestTraps.Groups.T_VM, decision.Group);

        state.HCR_EL2 = 1UL << 30; // TRVM would forward too: the fine-grained bit wins
        Assert.Equal(DecisionReason.FineGrainedTrap, Decide(state, VmReg, isRead: true).Reason);
    }

    [Fact]
    public void Res0_bits_are_cleared_before_the_fine_grained_test()
    {
        var state = Guest();
        state.FGW_EL2 = ulong.MaxValue; // bit 6 is RES0 in the write register
        Assert.False(Decide(state, VmReg, isRead: false).Forward);
        state.FGR_EL2 = ulong.MaxValue; // bit 6 is live in the read register
        Assert.True(Decide(state, VmReg, isRead: true).Forward);
    }

    [Fact]
    public void No_nested_virtualization_is_handled_locally()
    {
        var state = Guest();
        state.HasNestedVirtualization = false;
        Assert.Equal(DecisionReason.NoNestedVirtualization, Decide(state, KeyReg, isRead: true).Reason);
    }

    // The test ruleset's context is the kernel's: a hypervisor context is virtual EL2 or
    // HCR_EL2.TGE set at any EL (with or without E2H), and host EL0 is such a context below EL2.
    // KeyReg's control does not forward in host EL0.
    [Theory]
    [InlineData(ExceptionLevel.El2, 0UL, DecisionReason.HypervisorContext)]
    [InlineData(ExceptionLevel.El2, (1UL << 34) | (1UL << 27), DecisionReason.HypervisorContext)]
    [InlineData(ExceptionLevel.El0, (1UL << 34) | (1UL << 27), DecisionReason.HostEl0NotForwarded)]
    [InlineData(ExceptionLevel.El0, 1UL << 27, DecisionReason.HostEl0NotForwarded)]
    [InlineData(ExceptionLevel.El1, 1UL << 27, DecisionReason.HostEl0NotForwarded)]
    [InlineData(ExceptionLevel.El1, (1UL << 34) | (1UL << 27), DecisionReason.HostEl0NotForwarded)]
    [InlineData(ExceptionLevel.El0, 1UL << 34, DecisionReason.CoarseTrap)]
    [InlineData(ExceptionLevel.El1, 1UL << 34, DecisionReason.CoarseTrap)]
    [InlineData(ExceptionLevel.El0, 0UL, DecisionReason.CoarseTrap)]
    public void The_rulesets_context_decides_what_is_the_guest_hypervisors_own(ExceptionLevel el, ulong hcr, DecisionReason expected)
    {
        var state = Guest();
        state.CurrentEl = el;
        state.HCR_EL2 = hcr;
        var decision = Decide(state, KeyReg, isRead: true);
        Assert.Equal(expected, decision.Reason);
        Assert.Equal(expected == DecisionReason.CoarseTrap ? TrapOutcome.Forward : TrapOutcome.Local, decision.Outcome);
    }

    [Fact]
    public void Other_exception_classes_and_unknown_encodings_are_handled_locally()
    {
        var state = Guest();
        Assert.Equal(DecisionReason.NotSysRegTrap, TestTraps.Decide(state, new Esr(0x24UL << 26)).Reason);
        Assert.Equal(DecisionReason.NoConfiguration, Decide(state, SysRegEncoding.Parse("S0_0_C0_C0_0"), isRead: true).Reason);
    }

    [Fact]
    public void The_generic_state_decides_like_the_generated_one()
    {
        var typed = Guest();
        typed.HCR_EL2 = 1UL << 26;
        var generic = VcpuState.NestedGuestAtEl1;
        generic[TestTraps.Registers.HCR_EL2] = 1UL << 26;
        for (int value = 0; value <= ushort.MaxValue; value++)
        {
            var esr = Esr.ForSysRegAccess(new SysRegEncoding((ushort)value), isRead: (value & 1) == 0);
            Assert.Equal(TestTraps.Decide(typed, esr), TestTraps.Decide(generic, esr));
        }
    }

    [Fact]
    public void Explain_names_the_chain_and_agrees_with_Decide()
    {
        var state = Guest();
        state.HCR_EL2 = 1UL << 26;
        var esr = Esr.ForSysRegAccess(VmReg2, isRead: false);
        var explanation = TestTraps.Explain(state, esr);
        Assert.Equal(TestTraps.Decide(state, esr), explanation.Decision);
        Assert.NotNull(explanation.Coarse);
        Assert.Equal("T_VM", explanation.Coarse!.Group);
        Assert.Collection(
            explanation.Coarse.Members,
            tvm => { Assert.Equal("T_TVM", tvm.Name); Assert.True(tvm.Matched); Assert.True(tvm.CoversAccess); Assert.Equal(1UL << 26, tvm.Mask); },
            trvm => { Assert.Equal("T_TRVM", trvm.Name); Assert.False(trvm.Matched); });
        string text = explanation.ToString();
        Assert.Contains("forward to L1", text);
        // HCR_EL2.RW (bit 31) is RES1 in the test ruleset: the control sees the sanitised value.
        Assert.Contains("T_TVM [forward write]: HCR_EL2 = 0x84000000 (sanitised from 0x4000000), & mask 0x4000000 = 0x4000000 == value 0x4000000 -> forward", text);
    }

    [Fact]
    public void Explain_shows_a_conditions_expression_and_operands()
    {
        var state = Guest();
        state.CTL_EL2 = 1;
        var explanation = TestTraps.Explain(state, Esr.ForSysRegAccess(SysRegEncoding.Parse("S3_2_C15_C2_1"), true));
        var member = Assert.Single(explanation.Coarse!.Members);
        Assert.Equal("CTL_EL2.EN && crm == 2", member.Condition);
        Assert.Equal(new KeyValuePair<string, ulong>("CTL_EL2", 1), Assert.Single(member.Operands));
        Assert.Contains("CTL_EL2.EN && crm == 2 with CTL_EL2 = 0x1 is true -> forward", explanation.ToString());
    }

    [Fact]
    public void Explain_shows_the_fine_grained_value_after_res0_masking()
    {
        var state = Guest();
        state.FGW_EL2 = ulong.MaxValue;
        var explanation = TestTraps.Explain(state, Esr.ForSysRegAccess(VmReg, false));
        Assert.NotNull(explanation.FineGrained);
        Assert.Equal("FGW_EL2", explanation.FineGrained!.Register);
        Assert.Equal(0x1A0UL, explanation.FineGrained.Value); // bits 8, 7 and 5: the rest is RES0 in FGW_EL2
        Assert.Equal(ulong.MaxValue, explanation.FineGrained.RawValue);
        Assert.False(explanation.FineGrained.Forwarded);
    }

    [Fact]
    public void A_decision_keeps_the_encoding_and_direction_and_forwards_only_for_trap_reasons()
    {
        foreach (var reason in Enum.GetValues<DecisionReason>())
        {
            var decision = TrapDecision.FromAccess(reason, FooReg.IssKey | 1);
            Assert.Equal(reason is DecisionReason.FineGrainedTrap or DecisionReason.CoarseTrap, decision.Forward);
            Assert.Equal((FooReg, true), (decision.Encoding, decision.IsRead));
        }

        var coarse = TrapDecision.FromAccess(DecisionReason.CoarseTrap, VmReg.IssKey, group: 7, member: 3);
        Assert.Equal((VmReg, false, 7, 3, DecisionReason.CoarseTrap), (coarse.Encoding, coarse.IsRead, coarse.Group, coarse.Member, coarse.Reason));
        Assert.NotEqual(coarse, TrapDecision.FromAccess(DecisionReason.CoarseTrap, VmReg.IssKey | 1, group: 7, member: 3));
        Assert.NotEqual(coarse, TrapDecision.FromAccess(DecisionReason.CoarseTrap, VmReg2.IssKey, group: 7, member: 3));

        // Rt is not part of a decision: the same access through another register decides equal.
        var state = Guest();
        Assert.Equal(TestTraps.Decide(state, Esr.ForSysRegAccess(VmReg, true, rt: 3)), TestTraps.Decide(state, Esr.ForSysRegAccess(VmReg, true, rt: 30)));
    }

    [Fact]
    public void The_generated_state_reads_its_registers_by_index_and_by_name_alike()
    {
        var state = Guest();
        state.HCR_EL2 = 0x1234;
        Assert.Equal(0x1234UL, state.ReadRegister(TestTraps.Registers.HCR_EL2));
        Assert.Equal(0x1234UL, state.HCR_EL2);
        Assert.Equal(0UL, state.ReadRegister(TestTraps.RegisterCount));
        Assert.Equal(0UL, state.ReadRegister(-1));
    }
}
