using System.Runtime.CompilerServices;

namespace NvTrap;

/// <summary>
/// The decision, exactly as Linux KVM forwards nested system-register traps: not EC 0x18, no
/// nested virtualization, or a hypervisor context are handled locally; an unconfigured encoding
/// is handled locally; a fine-grained bit is checked first (after clearing the register's RES0
/// bits); then the coarse group's members are evaluated and the access forwards if a matching
/// member's behaviour covers its direction. Allocates nothing.
/// </summary>
/// <remarks>
/// The public methods take the state as <c>in</c>; inside, it travels as <c>ref</c>. Calling an
/// interface method on an <c>in</c> parameter of a generic struct type makes the compiler copy the
/// whole struct first (it cannot know the method does not write), and the ready-made
/// <see cref="VcpuState"/> is 264 bytes: a copy per register read made decisions twice as slow.
/// Nothing here writes through the reference.
/// </remarks>
public static class TrapEngine
{
    /// <summary>HCR_EL2.TGE: with E2H, EL0 is the guest hypervisor's own user space.</summary>
    public const int HcrTgeBit = 27;

    /// <summary>HCR_EL2.E2H.</summary>
    public const int HcrE2hBit = 34;

    private const ulong E2hTge = (1UL << HcrE2hBit) | (1UL << HcrTgeBit);

    /// <summary>Decides one trap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TrapDecision Decide<TRules, TState>(in TRules rules, in TState state, Esr esr)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState =>
        DecideByRef(ref Unsafe.AsRef(in rules), ref Unsafe.AsRef(in state), esr);

    /// <summary>Whether a member's test holds: a control's masked register equals its value, or a condition is true.</summary>
    public static bool Matches<TRules, TState>(in TRules rules, in TState state, MemberTest member, SysRegEncoding encoding)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState =>
        member.IsCondition
            ? Unsafe.AsRef(in rules).EvaluateCondition(member.Group, ref Unsafe.AsRef(in state), encoding)
            : (Unsafe.AsRef(in state).ReadRegister(member.Register) & member.Mask) == member.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TrapDecision DecideByRef<TRules, TState>(ref TRules rules, ref TState state, Esr esr)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        if (!esr.IsSysRegTrap)
        {
            return TrapDecision.FromAccess(DecisionReason.NotSysRegTrap, 0);
        }

        // The register's ISS bits and the direction: the decision carries them as they are.
        uint access = (uint)esr.Value & (EncodingLayout.IssKeyMask | EncodingLayout.IssDirectionRead);
        if (!state.HasNestedVirtualization)
        {
            return TrapDecision.FromAccess(DecisionReason.NoNestedVirtualization, access);
        }

        if (IsHypervisorContext(ref rules, ref state))
        {
            return TrapDecision.FromAccess(DecisionReason.HypervisorContext, access);
        }

        uint config = rules.LookupIssKey(access);
        if (config == 0)
        {
            return TrapDecision.FromAccess(DecisionReason.NoConfiguration, access);
        }

        return DecideConfigured(ref rules, ref state, access, config);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsHypervisorContext<TRules, TState>(ref TRules rules, ref TState state)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        var el = state.CurrentEl;
        if (el == ExceptionLevel.El2)
        {
            return true;
        }

        int hcr = rules.HcrEl2Register;
        return el == ExceptionLevel.El0 && hcr >= 0 && (state.ReadRegister(hcr) & E2hTge) == E2hTge;
    }

    /// <summary>
    /// A configured encoding: the fine-grained bit, then the coarse list for the access's
    /// direction, stopping at the first match.
    /// </summary>
    /// <remarks>
    /// Branches, not conditional moves: a decision is bound by the latency of its chain of
    /// dependent loads (hash, slot, list, record, register), and a predicted branch lets the
    /// processor run ahead along it, where a conditional move waits for every input. Measured:
    /// fully branch-free variants were 40-100% slower (docs/benchmarks.md).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TrapDecision DecideConfigured<TRules, TState>(ref TRules rules, ref TState state, uint access, uint config)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        int group = TrapConfigLayout.Group(config);
        int fineGrained = TrapConfigLayout.FineGrainedGroup(config);
        bool isRead = (access & EncodingLayout.IssDirectionRead) != 0;
        if (fineGrained != 0)
        {
            int bit = TrapConfigLayout.Bit(config);
            int register = RuleTables.FineGrainedRegister(ref rules, fineGrained, isRead);
            ulong value = state.ReadRegister(register) & ~RuleTables.Res0(ref rules, register);
            if ((int)((value >> bit) & 1) == TrapConfigLayout.Polarity(config))
            {
                return TrapDecision.FromAccess(DecisionReason.FineGrainedTrap, access, group, 0, fineGrained, bit);
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
            int matched = FirstMatchWithConditions(ref rules, ref state, start, end, access);
            return TrapDecision.FromAccess(matched != 0 ? DecisionReason.CoarseTrap : DecisionReason.NotTrapped, access, group, matched);
        }

        for (int i = start; i < end; i++)
        {
            var test = RuleTables.DecisionRecord(ref rules, i);
            if ((state.ReadRegister(test.Register) & test.Mask) == test.Value)
            {
                return TrapDecision.FromAccess(DecisionReason.CoarseTrap, access, group, test.Group);
            }
        }

        return TrapDecision.FromAccess(DecisionReason.NotTrapped, access, group);
    }

    /// <summary>The first matching member of a list that holds a condition, in member order, or 0.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FirstMatchWithConditions<TRules, TState>(ref TRules rules, ref TState state, int first, int end, uint access)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        for (int i = first; i < end; i++)
        {
            var test = RuleTables.DecisionRecord(ref rules, i);
            bool hit = test.IsCondition
                ? rules.EvaluateCondition(test.Group, ref state, SysRegEncoding.FromIssKey(access))
                : (state.ReadRegister(test.Register) & test.Mask) == test.Value;
            if (hit)
            {
                return test.Group;
            }
        }

        return 0;
    }
}
