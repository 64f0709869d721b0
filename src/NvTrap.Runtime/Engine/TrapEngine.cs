using System.Runtime.CompilerServices;

namespace NvTrap;

/// <summary>
/// Triages one trapped access as Linux KVM does (the 7.1 kernel's triage_sysreg_trap, of which
/// 6.6's decision is a special case): not EC 0x18, or an unconfigured encoding, is handled
/// locally; a fine-grained bit the VM hides makes the access undefined, with or without nested
/// virtualization; without nested virtualization, or in a hypervisor context that is not its
/// host EL0, the access is handled locally; then the fine-grained bit (unless a filter switches
/// it off, and never in a hypervisor context), then the coarse group's members, decide whether
/// it is forwarded. What a hypervisor context and host EL0 are, the ruleset says. Registers are
/// read sanitised with the VM's reserved bits. Allocates nothing.
/// </summary>
/// <remarks>
/// The public methods take state and profile as <c>in</c>; inside, they travel as <c>ref</c>.
/// Calling an interface method on an <c>in</c> parameter of a generic struct type makes the
/// compiler copy the whole struct first (it cannot know the method does not write), and
/// <see cref="VcpuState"/> is 264 bytes: a copy per register read made decisions twice as slow.
/// Nothing here writes through the references.
/// </remarks>
public static class TrapEngine
{
    /// <summary>Decides one trap for a full-featured VM: the ruleset's own defaults are the profile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TrapDecision Decide<TRules, TState>(in TRules rules, in TState state, Esr esr)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState =>
        DecideByRef(ref Unsafe.AsRef(in rules), ref Unsafe.AsRef(in state), ref Unsafe.AsRef(in rules), esr);

    /// <summary>Decides one trap for the VM <paramref name="vm"/> describes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TrapDecision Decide<TRules, TState, TVm>(in TRules rules, in TState state, in TVm vm, Esr esr)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile =>
        DecideByRef(ref Unsafe.AsRef(in rules), ref Unsafe.AsRef(in state), ref Unsafe.AsRef(in vm), esr);

    /// <summary>Whether a member's test holds: a control's masked (sanitised) register equals its value, or a condition is true.</summary>
    public static bool Matches<TRules, TState, TVm>(in TRules rules, in TState state, in TVm vm, MemberTest member, SysRegEncoding encoding)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile =>
        MatchesByRef(ref Unsafe.AsRef(in rules), ref Unsafe.AsRef(in state), ref Unsafe.AsRef(in vm), member, encoding);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TrapDecision DecideByRef<TRules, TState, TVm>(ref TRules rules, ref TState state, ref TVm vm, Esr esr)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
    {
        if (!esr.IsSysRegTrap)
        {
            return TrapDecision.FromAccess(DecisionReason.NotSysRegTrap, 0);
        }

        // The register's ISS bits and the direction: the decision carries them as they are.
        uint access = (uint)esr.Value & (EncodingLayout.IssKeyMask | EncodingLayout.IssDirectionRead);
        uint config = rules.LookupIssKey(access);
        if (config == 0)
        {
            return TrapDecision.FromAccess(DecisionReason.NoConfiguration, access);
        }

        return DecideConfigured(ref rules, ref state, ref vm, access, config);
    }

    /// <summary>
    /// A configured encoding: the VM's hidden features, the context, the fine-grained bit, then
    /// the coarse list for the access's direction, stopping at the first match.
    /// </summary>
    /// <remarks>
    /// Branches, not conditional moves: a decision is bound by the latency of its chain of
    /// dependent loads (hash, slot, list, record, register), and a predicted branch lets the
    /// processor run ahead along it, where a conditional move waits for every input. Measured:
    /// fully branch-free variants were 40-100% slower (docs/benchmarks.md). The rare paths
    /// (a filter, a hypervisor context, a list holding a condition) are out of line.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TrapDecision DecideConfigured<TRules, TState, TVm>(ref TRules rules, ref TState state, ref TVm vm, uint access, uint config)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
    {
        int group = TrapConfigLayout.Group(config);
        int fineGrained = TrapConfigLayout.FineGrainedGroup(config);
        int bit = TrapConfigLayout.Bit(config);
        if (fineGrained != 0 && ((vm.HiddenBits(fineGrained) >> bit) & 1) != 0)
        {
            return TrapDecision.FromAccess(DecisionReason.FeatureHidden, access, group, 0, fineGrained, bit);
        }

        if (!state.HasNestedVirtualization)
        {
            return TrapDecision.FromAccess(DecisionReason.NoNestedVirtualization, access);
        }

        if (rules.IsHypervisorContext(ref state, ref vm))
        {
            return DecideInHypervisorContext(ref rules, ref state, ref vm, access, group);
        }

        bool isRead = (access & EncodingLayout.IssDirectionRead) != 0;
        int filtered = 0;
        if (fineGrained != 0)
        {
            int filter = TrapConfigLayout.Filter(config);
            if (filter != 0 && FilterSwitchesOff(ref rules, ref state, ref vm, filter))
            {
                filtered = filter;
            }
            else
            {
                int register = RuleTables.FineGrainedRegister(ref rules, fineGrained, isRead);
                ulong value = RuleTables.Read(ref state, ref vm, register);
                // Trap when set: the bit is set. Trap when clear: the bit is clear and not
                // reserved (RES0) for this VM, since a sanitised RES0 bit always reads clear.
                ulong traps = TrapConfigLayout.Polarity(config) != 0 ? value : ~(value | vm.Res0(register));
                if (((traps >> bit) & 1) != 0)
                {
                    return TrapDecision.FromAccess(DecisionReason.FineGrainedTrap, access, group, 0, fineGrained, bit);
                }
            }
        }

        // The group's members that forward this direction; a list's start has its top bit set
        // when the list holds a condition, which is tested out of line so this loop makes no call.
        int list = TableLayout.DecisionLists.List(group, isRead);
        uint startWord = RuleTables.DecisionListStart(ref rules, list);
        int end = (int)(RuleTables.DecisionListStart(ref rules, list + 1) & TableLayout.DecisionLists.IndexMask);
        int start = (int)(startWord & TableLayout.DecisionLists.IndexMask);
        if ((startWord & TableLayout.DecisionLists.HoldsCondition) != 0)
        {
            int matched = FirstMatchWithConditions(ref rules, ref state, ref vm, start, end, access);
            return TrapDecision.FromAccess(matched != 0 ? DecisionReason.CoarseTrap : DecisionReason.NotTrapped, access, group, matched, filter: filtered);
        }

        for (int i = start; i < end; i++)
        {
            var test = RuleTables.DecisionRecord(ref rules, i);
            if ((RuleTables.Read(ref state, ref vm, test.Register) & test.Mask) == test.Value)
            {
                return TrapDecision.FromAccess(DecisionReason.CoarseTrap, access, group, test.Group, filter: filtered);
            }
        }

        return TrapDecision.FromAccess(DecisionReason.NotTrapped, access, group, filter: filtered);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool FilterSwitchesOff<TRules, TState, TVm>(ref TRules rules, ref TState state, ref TVm vm, int filter)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile =>
        rules.FilterHolds(filter, ref state, ref vm);

    /// <summary>
    /// A hypervisor context: local, unless it is host EL0. There the fine-grained bits do not
    /// apply, and the coarse behaviour is the OR of every matching member's: the access is
    /// handled locally unless some matching member forwards in host EL0, and then forwarded if
    /// the behaviour covers its direction.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TrapDecision DecideInHypervisorContext<TRules, TState, TVm>(ref TRules rules, ref TState state, ref TVm vm, uint access, int group)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
    {
        if (!rules.IsHostEl0(ref state, ref vm))
        {
            return TrapDecision.FromAccess(DecisionReason.HypervisorContext, access);
        }

        var needed = (access & EncodingLayout.IssDirectionRead) != 0 ? TrapBehaviour.Read : TrapBehaviour.Write;
        var behaviour = TrapBehaviour.None;
        int covering = 0;
        var encoding = SysRegEncoding.FromIssKey(access);
        int end = TableReader.UInt16(rules.GroupStarts, group + 1);
        for (int i = TableReader.UInt16(rules.GroupStarts, group); i < end; i++)
        {
            var member = TableReader.MemberTest(rules.GroupRecords, i);
            if (MatchesByRef(ref rules, ref state, ref vm, member, encoding))
            {
                behaviour |= member.Behaviour;
                if (covering == 0 && (member.Behaviour & needed) != 0)
                {
                    covering = member.Group;
                }
            }
        }

        if ((behaviour & TrapBehaviour.InHostEl0) == 0)
        {
            return TrapDecision.FromAccess(DecisionReason.HostEl0NotForwarded, access, group);
        }

        return TrapDecision.FromAccess(covering != 0 ? DecisionReason.CoarseTrap : DecisionReason.NotTrapped, access, group, covering);
    }

    /// <summary>The first matching member of a list that holds a condition, in member order, or 0.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FirstMatchWithConditions<TRules, TState, TVm>(ref TRules rules, ref TState state, ref TVm vm, int first, int end, uint access)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
    {
        var encoding = SysRegEncoding.FromIssKey(access);
        for (int i = first; i < end; i++)
        {
            var test = RuleTables.DecisionRecord(ref rules, i);
            if (MatchesByRef(ref rules, ref state, ref vm, test, encoding))
            {
                return test.Group;
            }
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MatchesByRef<TRules, TState, TVm>(ref TRules rules, ref TState state, ref TVm vm, MemberTest member, SysRegEncoding encoding)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile =>
        member.IsCondition
            ? rules.EvaluateCondition(member.Group, ref state, ref vm, encoding)
            : (RuleTables.Read(ref state, ref vm, member.Register) & member.Mask) == member.Value;
}
