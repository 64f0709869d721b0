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
            return TrapDecision.Local(DecisionReason.NotSysRegTrap, default, false);
        }

        var encoding = esr.Encoding;
        bool isRead = esr.IsRead;
        if (!state.HasNestedVirtualization)
        {
            return TrapDecision.Local(DecisionReason.NoNestedVirtualization, encoding, isRead);
        }

        if (IsHypervisorContextByRef(ref rules, ref state))
        {
            return TrapDecision.Local(DecisionReason.HypervisorContext, encoding, isRead);
        }

        ulong config = rules.LookupConfig(encoding.Value);
        if (config == 0)
        {
            return TrapDecision.Local(DecisionReason.NoConfiguration, encoding, isRead);
        }

        return DecideConfigured(ref rules, ref state, encoding, isRead, config);
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

    private static TrapDecision DecideConfigured<TRules, TState>(ref TRules rules, ref TState state, SysRegEncoding encoding, bool isRead, ulong config)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        int group = (int)(config & 0x3FF);
        int fineGrained = (int)(config >> 10) & 0xF;
        if (fineGrained != 0)
        {
            int bit = (int)(config >> 14) & 0x3F;
            int register = rules.FineGrainedRegister(fineGrained, isRead);
            ulong value = state.ReadRegister(register) & ~rules.Res0Of(register);
            if (((value >> bit) & 1) == ((config >> 20) & 1))
            {
                return TrapDecision.ByFineGrained(encoding, isRead, group, fineGrained, bit);
            }
        }

        if (group != 0)
        {
            var needed = isRead ? TrapBehaviour.Read : TrapBehaviour.Write;
            int end = rules.MemberStart(group) + rules.MemberCount(group);
            for (int i = rules.MemberStart(group); i < end; i++)
            {
                int member = rules.Member(i);
                if ((rules.BehaviourOf(member) & needed) != 0 && MatchesByRef(ref rules, ref state, member, encoding))
                {
                    return TrapDecision.ByCoarse(encoding, isRead, group, member);
                }
            }
        }

        return TrapDecision.NotTrapped(encoding, isRead, group);
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
