using System.Runtime.CompilerServices;

namespace NvTrap.Benchmarks.Structures;

/// <summary>
/// The generated Linux ruleset with only its lookup swapped for <typeparamref name="TLookup"/>:
/// the group tables, flattened members, conditions and the engine stay the generated ones, so a
/// difference in decision time is the lookup structure's alone.
/// </summary>
internal readonly struct LinuxRulesWithLookup<TLookup> : ITrapRules
    where TLookup : struct, IConfigLookup
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong LookupConfig(ushort encoding) => default(TLookup).Lookup(encoding);

    /// <summary>The structure is keyed by encoding, so the ESR's fields are repacked first, as any encoding-keyed table must.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong LookupIssKey(uint issKey) => default(TLookup).Lookup(SysRegEncoding.FromIssKey(issKey).Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecisionListStart(int list) => default(LinuxTraps.Rules).DecisionListStart(list);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MemberTest DecisionMember(int index) => default(LinuxTraps.Rules).DecisionMember(index);

    public int HcrEl2Register
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => default(LinuxTraps.Rules).HcrEl2Register;
    }

    public ITrapRuleNames Names => default(LinuxTraps.Rules).Names;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int MemberStart(int group) => default(LinuxTraps.Rules).MemberStart(group);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int MemberCount(int group) => default(LinuxTraps.Rules).MemberCount(group);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Member(int index) => default(LinuxTraps.Rules).Member(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RuleGroupKind KindOf(int group) => default(LinuxTraps.Rules).KindOf(group);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ControlRegister(int group) => default(LinuxTraps.Rules).ControlRegister(group);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ControlMask(int group) => default(LinuxTraps.Rules).ControlMask(group);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ControlValue(int group) => default(LinuxTraps.Rules).ControlValue(group);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TrapBehaviour BehaviourOf(int group) => default(LinuxTraps.Rules).BehaviourOf(group);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool EvaluateCondition<TState>(int group, ref TState state, SysRegEncoding encoding)
        where TState : struct, IVcpuState
        => default(LinuxTraps.Rules).EvaluateCondition(group, ref state, encoding);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FineGrainedRegister(int fineGrainedGroup, bool isRead) => default(LinuxTraps.Rules).FineGrainedRegister(fineGrainedGroup, isRead);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Res0Of(int register) => default(LinuxTraps.Rules).Res0Of(register);
}
