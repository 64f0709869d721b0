using System.Runtime.CompilerServices;

namespace NvTrap;

/// <summary>
/// The decision, exactly as Linux KVM forwards nested system-register traps: not EC 0x18, no
/// nested virtualization, or a hypervisor context are handled locally; an unconfigured encoding
/// is handled locally; a fine-grained bit is checked first (after clearing the register's RES0
/// bits); then the coarse group's members are evaluated and the access forwards if a matching
/// member's behaviour covers its direction. Allocates nothing.
/// </summary>
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

        if (IsHypervisorContext(rules, state))
        {
            return TrapDecision.Local(DecisionReason.HypervisorContext, encoding, isRead);
        }

        ulong config = rules.LookupConfig(encoding.Value);
        if (config == 0)
        {
            return TrapDecision.Local(DecisionReason.NoConfiguration, encoding, isRead);
        }

        return DecideConfigured(rules, state, encoding, isRead, config);
    }

    /// <summary>Whether the access comes from the guest hypervisor's own context.</summary>
    public static bool IsHypervisorContext<TRules, TState>(in TRules rules, in TState state)
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

    private static TrapDecision DecideConfigured<TRules, TState>(in TRules rules, in TState state, SysRegEncoding encoding, bool isRead, ulong config)
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
                if ((rules.BehaviourOf(member) & needed) != 0 && Matches(rules, state, member, encoding))
                {
                    return TrapDecision.ByCoarse(encoding, isRead, group, member);
                }
            }
        }

        return TrapDecision.NotTrapped(encoding, isRead, group);
    }

    /// <summary>Whether a control's masked register equals its value, or a condition holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Matches<TRules, TState>(in TRules rules, in TState state, int member, SysRegEncoding encoding)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        if (rules.KindOf(member) == RuleGroupKind.Condition)
        {
            return rules.EvaluateCondition(member, state, encoding);
        }

        return (state.ReadRegister(rules.ControlRegister(member)) & rules.ControlMask(member)) == rules.ControlValue(member);
    }
}
