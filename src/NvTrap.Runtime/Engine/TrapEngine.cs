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

    /// <summary>Whether the access comes from the guest hypervisor's own context.</summary>
    public static bool IsHypervisorContext<TRules, TState>(in TRules rules, in TState state)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState =>
        IsHypervisorContextByRef(ref Unsafe.AsRef(in rules), ref Unsafe.AsRef(in state));

    /// <summary>Whether a control's masked register equals its value, or a condition holds.</summary>
    public static bool Matches<TRules, TState>(in TRules rules, in TState state, int member, SysRegEncoding encoding)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState =>
        MatchesByRef(ref Unsafe.AsRef(in rules), ref Unsafe.AsRef(in state), member, encoding);

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
        uint access = (uint)esr.Value & (SysRegEncoding.IssKeyMask | 1);
        if (!state.HasNestedVirtualization)
        {
            return TrapDecision.FromAccess(DecisionReason.NoNestedVirtualization, access);
        }

        if (IsHypervisorContextByRef(ref rules, ref state))
        {
            return TrapDecision.FromAccess(DecisionReason.HypervisorContext, access);
        }

        ulong config = rules.LookupIssKey(access & SysRegEncoding.IssKeyMask);
        if (config == 0)
        {
            return TrapDecision.FromAccess(DecisionReason.NoConfiguration, access);
        }

        return DecideConfigured(ref rules, ref state, access, config);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsHypervisorContextByRef<TRules, TState>(ref TRules rules, ref TState state)
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
    private static TrapDecision DecideConfigured<TRules, TState>(ref TRules rules, ref TState state, uint access, ulong config)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        int group = (int)(config & 0x3FF);
        int fineGrained = (int)(config >> 10) & 0xF;
        int isRead = (int)(access & 1);
        if (fineGrained != 0)
        {
            int bit = (int)(config >> 14) & 0x3F;
            int register = rules.FineGrainedRegister(fineGrained, isRead != 0);
            ulong value = state.ReadRegister(register) & ~rules.Res0Of(register);
            if (((value >> bit) & 1) == ((config >> 20) & 1))
            {
                return TrapDecision.FromAccess(DecisionReason.FineGrainedTrap, access, group, 0, fineGrained, bit);
            }
        }

        // The group's members that forward this direction; a list's start has bit 31 set when
        // the list holds a condition, which is tested out of line so this loop makes no call.
        int list = (group << 1) | isRead;
        int startWord = rules.DecisionListStart(list);
        int end = rules.DecisionListStart(list + 1) & int.MaxValue;
        if (startWord < 0)
        {
            int matched = FirstMatchWithConditions(ref rules, ref state, startWord & int.MaxValue, end, access);
            return TrapDecision.FromAccess(matched != 0 ? DecisionReason.CoarseTrap : DecisionReason.NotTrapped, access, group, matched);
        }

        for (int i = startWord; i < end; i++)
        {
            var test = rules.DecisionMember(i);
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
            var test = rules.DecisionMember(i);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MatchesByRef<TRules, TState>(ref TRules rules, ref TState state, int member, SysRegEncoding encoding)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        if (rules.KindOf(member) == RuleGroupKind.Condition)
        {
            return rules.EvaluateCondition(member, ref state, encoding);
        }

        return (state.ReadRegister(rules.ControlRegister(member)) & rules.ControlMask(member)) == rules.ControlValue(member);
    }
}
