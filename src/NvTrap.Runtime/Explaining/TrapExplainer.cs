using System.Collections.Generic;

namespace NvTrap;

/// <summary>
/// Re-runs a decision step by step and records each step. Allocates freely (names, lists,
/// strings); <see cref="TrapEngine.Decide{TRules,TState,TVm}"/> is the allocation-free path and
/// the explanation's decision is always the one it returns.
/// </summary>
public static class TrapExplainer
{
    /// <summary>Explains the decision for one trap, for a full-featured VM (the ruleset's defaults).</summary>
    public static TrapExplanation Explain<TRules, TState>(in TRules rules, in TState state, Esr esr)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState =>
        Explain(rules, state, rules, esr);

    /// <summary>Explains the decision for one trap, for the VM <paramref name="vm"/> describes.</summary>
    public static TrapExplanation Explain<TRules, TState, TVm>(in TRules rules, in TState state, in TVm vm, Esr esr)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
    {
        var decision = TrapEngine.Decide(rules, state, vm, esr);
        var names = rules.Names;
        var encoding = decision.Encoding;
        string access = decision.IsRead ? "read" : "write";
        string? sysReg = esr.IsSysRegTrap ? names.SysRegName(encoding.Value) : null;
        string target = sysReg is null ? encoding.ToString() : $"{sysReg} ({encoding})";
        uint config = esr.IsSysRegTrap ? RuleTables.Lookup(rules, encoding) : 0;
        int fgt = TrapConfigLayout.FineGrainedGroup(config);
        int group = TrapConfigLayout.Group(config);

        switch (decision.Reason)
        {
            case DecisionReason.NotSysRegTrap:
                return new TrapExplanation(decision, esr, null, $"Handled locally: EC 0x{esr.ExceptionClass:X2} is not a system-register trap (EC 0x18).", null, null, null);
            case DecisionReason.NoConfiguration:
                return new TrapExplanation(decision, esr, sysReg, $"Handled locally: ruleset '{names.RulesetName}' has no trap configuration for {target}.", null, null, null);
            case DecisionReason.FeatureHidden:
                var hidden = FineGrained(rules, state, vm, config, encoding, decision.IsRead, hiddenOnly: true);
                return new TrapExplanation(decision, esr, sysReg, $"Undefined: fine-grained bit {hidden.BitName} of {target} is hidden from this VM (its feature is not exposed), so the access gets an UNDEF.", null, hidden, null);
            case DecisionReason.NoNestedVirtualization:
                return new TrapExplanation(decision, esr, sysReg, $"Handled locally: the vCPU does not have nested virtualization ({access} of {target}).", null, null, null);
        }

        var rulesCopy = rules;
        var stateCopy = state;
        var vmCopy = vm;
        bool hypervisor = rulesCopy.IsHypervisorContext(ref stateCopy, ref vmCopy);
        bool hostEl0 = hypervisor && rulesCopy.IsHostEl0(ref stateCopy, ref vmCopy);
        var context = new ContextStep(names.HypervisorContext, hypervisor, names.HostEl0, hostEl0);
        if (decision.Reason == DecisionReason.HypervisorContext)
        {
            return new TrapExplanation(decision, esr, sysReg, $"Handled locally: the {access} of {target} comes from the guest hypervisor's own context, at EL{(int)state.CurrentEl}.", context, null, null);
        }
        FineGrainedStep? fineGrained = fgt != 0 && !hostEl0 ? FineGrained(rules, state, vm, config, encoding, decision.IsRead, hiddenOnly: false) : null;

        CoarseStep? coarse = null;
        if (group != 0 && decision.Reason != DecisionReason.FineGrainedTrap)
        {
            var needed = decision.IsRead ? TrapBehaviour.Read : TrapBehaviour.Write;
            var members = new List<MemberStep>();
            foreach (var member in RuleTables.MembersOf(rules, group))
            {
                members.Add(ExplainMember(rules, state, vm, member, encoding, needed));
            }

            coarse = new CoarseStep(names.GroupName(group), RuleTables.KindOf(rules, group), members, decision.Reason == DecisionReason.CoarseTrap);
        }

        string where = hostEl0 ? " from the guest hypervisor's host EL0" : string.Empty;
        string summary = decision.Reason switch
        {
            DecisionReason.FineGrainedTrap => $"Forward to the guest hypervisor: the {access} of {target} is trapped by fine-grained bit {fineGrained!.BitName} in {fineGrained.Register}.",
            DecisionReason.CoarseTrap => $"Forward to the guest hypervisor: the {access} of {target}{where} is trapped by {names.GroupName(decision.Member)}{(decision.Member == group ? string.Empty : $" (in {names.GroupName(group)})")}.",
            DecisionReason.HostEl0NotForwarded => $"Handled locally: the {access} of {target} comes from the guest hypervisor's host EL0 (at EL{(int)state.CurrentEl}), and no matching control or condition forwards there.",
            _ => $"Handled locally: no trap control set by the guest hypervisor asks for the {access} of {target}{where}.",
        };
        return new TrapExplanation(decision, esr, sysReg, summary, context, fineGrained, coarse);
    }

    private static FineGrainedStep FineGrained<TRules, TState, TVm>(in TRules rules, in TState state, in TVm vm, uint config, SysRegEncoding encoding, bool isRead, bool hiddenOnly)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
    {
        var names = rules.Names;
        var rulesCopy = rules;
        var stateCopy = state;
        var vmCopy = vm;
        int fgt = TrapConfigLayout.FineGrainedGroup(config);
        int bit = TrapConfigLayout.Bit(config);
        bool whenSet = TrapConfigLayout.Polarity(config) != 0;
        bool hidden = ((vm.HiddenBits(fgt) >> bit) & 1) != 0;
        int filter = TrapConfigLayout.Filter(config);
        bool filteredOut = !hiddenOnly && filter != 0 && rulesCopy.FilterHolds(filter, ref stateCopy, ref vmCopy);
        int register = RuleTables.FineGrainedRegister(ref rulesCopy, fgt, isRead);
        ulong raw = state.ReadRegister(register);
        ulong value = RuleTables.Read(ref stateCopy, ref vmCopy, register);
        ulong res0 = vm.Res0(register);
        ulong traps = whenSet ? value : ~(value | res0);
        bool forwarded = !hidden && !filteredOut && ((traps >> bit) & 1) != 0;
        return new FineGrainedStep(
            names.FineGrainedGroupName(fgt),
            names.FineGrainedBitName(encoding.Value) ?? $"{names.FineGrainedGroupName(fgt)}[{bit}]",
            bit,
            names.RegisterName(register),
            raw,
            res0,
            vm.Res1(register),
            value,
            whenSet,
            forwarded,
            hidden,
            filter == 0 ? null : names.FilterName(filter),
            filter == 0 ? null : names.FilterText(filter),
            filteredOut);
    }

    private static MemberStep ExplainMember<TRules, TState, TVm>(in TRules rules, in TState state, in TVm vm, MemberTest member, SysRegEncoding encoding, TrapBehaviour needed)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
    {
        var names = rules.Names;
        bool matched = TrapEngine.Matches(rules, state, vm, member, encoding);
        bool covers = (member.Behaviour & needed) != 0;
        string name = names.GroupName(member.Group);
        var stateCopy = state;
        var vmCopy = vm;
        if (member.IsCondition)
        {
            var operands = new List<KeyValuePair<string, ulong>>();
            foreach (byte register in names.ConditionRegisters(member.Group))
            {
                operands.Add(new KeyValuePair<string, ulong>(names.RegisterName(register), RuleTables.Read(ref stateCopy, ref vmCopy, register)));
            }

            foreach (byte parameter in names.ConditionParameters(member.Group))
            {
                operands.Add(new KeyValuePair<string, ulong>(names.ParameterName(parameter), vm.Parameter(parameter)));
            }

            return new MemberStep(name, RuleGroupKind.Condition, member.Behaviour, matched, covers, null, 0, 0, 0, 0, names.ConditionText(member.Group), operands);
        }

        return new MemberStep(name, RuleGroupKind.Control, member.Behaviour, matched, covers, names.RegisterName(member.Register),
            RuleTables.Read(ref stateCopy, ref vmCopy, member.Register), state.ReadRegister(member.Register), member.Mask, member.Value, null, System.Array.Empty<KeyValuePair<string, ulong>>());
    }
}
