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
    private static Linux66Traps.Rules Generated => default;

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

    public ReadOnlySpan<byte> RegisterRes1 => Generated.RegisterRes1;

    public ReadOnlySpan<byte> ParameterDefaults => Generated.ParameterDefaults;

    public uint SanitisedRegisters => Generated.SanitisedRegisters;

    public RulesetNames Names => Generated.Names;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong HiddenBits(int fineGrainedGroup) => Generated.HiddenBits(fineGrainedGroup);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Res0(int register) => Generated.Res0(register);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Res1(int register) => Generated.Res1(register);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Parameter(int parameter) => Generated.Parameter(parameter);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsHypervisorContext<TState, TVm>(ref TState state, ref TVm vm)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
        => Generated.IsHypervisorContext(ref state, ref vm);

    public bool IsHostEl0<TState, TVm>(ref TState state, ref TVm vm)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
        => Generated.IsHostEl0(ref state, ref vm);

    public bool FilterHolds<TState, TVm>(int filter, ref TState state, ref TVm vm)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
        => Generated.FilterHolds(filter, ref state, ref vm);

    public bool EvaluateCondition<TState, TVm>(int group, ref TState state, ref TVm vm, SysRegEncoding encoding)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
        => Generated.EvaluateCondition(group, ref state, ref vm, encoding);
}
