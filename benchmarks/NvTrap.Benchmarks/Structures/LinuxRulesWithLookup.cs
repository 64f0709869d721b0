using System;
using System.Runtime.CompilerServices;

namespace NvTrap.Benchmarks.Structures;

/// <summary>
/// The generated Linux ruleset with only its lookup swapped for <typeparamref name="TLookup"/>:
/// the decision tables, conditions and the engine stay the generated ones, so a difference in
/// decision time is the lookup structure's alone.
/// </summary>
internal readonly struct LinuxRulesWithLookup<TLookup> : ITrapRules
    where TLookup : struct, IConfigLookup
{
    private static LinuxTraps.Rules Generated => default;

    /// <summary>The structure is keyed by encoding, so the ESR's fields are repacked first, as any encoding-keyed table must.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint LookupIssKey(uint issKey) => (uint)default(TLookup).Lookup(SysRegEncoding.FromIssKey(issKey).Value);

    public ReadOnlySpan<byte> LookupDisplacements => Generated.LookupDisplacements;

    public ReadOnlySpan<byte> LookupSlots => Generated.LookupSlots;

    public ReadOnlySpan<byte> DecisionListStarts
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Generated.DecisionListStarts;
    }

    public ReadOnlySpan<byte> DecisionRecords
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Generated.DecisionRecords;
    }

    public ReadOnlySpan<byte> GroupStarts => Generated.GroupStarts;

    public ReadOnlySpan<byte> GroupRecords => Generated.GroupRecords;

    public ReadOnlySpan<byte> GroupKinds => Generated.GroupKinds;

    public ReadOnlySpan<byte> FineGrainedRegisters
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Generated.FineGrainedRegisters;
    }

    public ReadOnlySpan<byte> RegisterRes0
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Generated.RegisterRes0;
    }

    public int HcrEl2Register
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Generated.HcrEl2Register;
    }

    public RulesetNames Names => Generated.Names;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool EvaluateCondition<TState>(int group, ref TState state, SysRegEncoding encoding)
        where TState : struct, IVcpuState
        => Generated.EvaluateCondition(group, ref state, encoding);
}
