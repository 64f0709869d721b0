using System.Collections.Generic;

namespace NvTrap;

/// <summary>
/// Re-runs a decision step by step and records each step. Allocates freely (names, lists,
/// strings); <see cref="TrapEngine.Decide"/> is the allocation-free path and the explanation's
/// decision is always the one it returns.
/// </summary>
public static class TrapExplainer
{
    /// <summary>Explains the decision for one trap.</summary>
    public static TrapExplanation Explain<TRules, TState>(in TRules rules, in TState state, Esr esr)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        var decision = TrapEngine.Decide(rules, state, esr);
        var names = rules.Names;
        var encoding = decision.Encoding;
        string access = decision.IsRead ? "read" : "write";
        string? sysReg = esr.IsSysRegTrap ? names.SysRegName(encoding.Value) : null;
        string target = sysReg is null ? encoding.ToString() : $"{sysReg} ({encoding})";

        switch (decision.Reason)
        {
            case DecisionReason.NotSysRegTrap:
                return new TrapExplanation(decision, esr, null, $"Handled locally: EC 0x{esr.ExceptionClass:X2} is not a system-register trap (EC 0x18).", null, null);
            case DecisionReason.NoNestedVirtualization:
                return new TrapExplanation(decision, esr, sysReg, $"Handled locally: the vCPU does not have nested virtualization ({access} of {target}).", null, null);
            case DecisionReason.HypervisorContext:
                string context = state.CurrentEl == ExceptionLevel.El2 ? "virtual EL2" : "EL0 with HCR_EL2.{E2H,TGE} = {1,1}";
                return new TrapExplanation(decision, esr, sysReg, $"Handled locally: the {access} of {target} comes from the guest hypervisor's own context ({context}).", null, null);
            case DecisionReason.NoConfiguration:
                return new TrapExplanation(decision, esr, sysReg, $"Handled locally: ruleset '{names.RulesetName}' has no trap configuration for {target}.", null, null);
        }

        uint config = RuleTables.Lookup(rules, encoding);
        FineGrainedStep? fineGrained = null;
        int fgt = TrapConfigLayout.FineGrainedGroup(config);
        if (fgt != 0)
        {
            var copy = rules;
            int bit = TrapConfigLayout.Bit(config);
            bool whenSet = TrapConfigLayout.Polarity(config) != 0;
            int register = RuleTables.FineGrainedRegister(ref copy, fgt, decision.IsRead);
            ulong raw = state.ReadRegister(register);
            ulong res0 = RuleTables.Res0(ref copy, register);
            ulong value = raw & ~res0;
            bool forwarded = ((value >> bit) & 1) == (whenSet ? 1UL : 0UL);
            fineGrained = new FineGrainedStep(names.FineGrainedGroupName(fgt), names.FineGrainedBitName(encoding.Value) ?? $"bit {bit}", bit, names.RegisterName(register), raw, res0, value, whenSet, forwarded);
        }

        CoarseStep? coarse = null;
        int group = TrapConfigLayout.Group(config);
        if (group != 0 && decision.Reason != DecisionReason.FineGrainedTrap)
        {
            var needed = decision.IsRead ? TrapBehaviour.Read : TrapBehaviour.Write;
            var members = new List<MemberStep>();
            foreach (var member in RuleTables.MembersOf(rules, group))
            {
                members.Add(ExplainMember(rules, state, member, encoding, needed));
            }

            coarse = new CoarseStep(names.GroupName(group), RuleTables.KindOf(rules, group), members, decision.Reason == DecisionReason.CoarseTrap);
        }

        string summary = decision.Reason switch
        {
            DecisionReason.FineGrainedTrap => $"Forward to the guest hypervisor: the {access} of {target} is trapped by fine-grained bit {fineGrained!.BitName} in {fineGrained.Register}.",
            DecisionReason.CoarseTrap => $"Forward to the guest hypervisor: the {access} of {target} is trapped by {names.GroupName(decision.Member)}{(decision.Member == group ? string.Empty : $" (in {names.GroupName(group)})")}.",
            _ => $"Handled locally: no trap control set by the guest hypervisor asks for the {access} of {target}.",
        };
        return new TrapExplanation(decision, esr, sysReg, summary, fineGrained, coarse);
    }

    private static MemberStep ExplainMember<TRules, TState>(in TRules rules, in TState state, MemberTest member, SysRegEncoding encoding, TrapBehaviour needed)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        var names = rules.Names;
        bool matched = TrapEngine.Matches(rules, state, member, encoding);
        bool covers = (member.Behaviour & needed) != 0;
        string name = names.GroupName(member.Group);
        if (member.IsCondition)
        {
            var operands = new List<KeyValuePair<string, ulong>>();
            foreach (byte register in names.ConditionRegisters(member.Group))
            {
                operands.Add(new KeyValuePair<string, ulong>(names.RegisterName(register), state.ReadRegister(register)));
            }

            return new MemberStep(name, RuleGroupKind.Condition, member.Behaviour, matched, covers, null, 0, 0, 0, names.ConditionText(member.Group), operands);
        }

        return new MemberStep(name, RuleGroupKind.Control, member.Behaviour, matched, covers, names.RegisterName(member.Register), state.ReadRegister(member.Register), member.Mask, member.Value, null, System.Array.Empty<KeyValuePair<string, ulong>>());
    }
}
