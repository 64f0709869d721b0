using System;

namespace NvTrap;

/// <summary>
/// A compiled ruleset as the decision engine reads it: the tables the rule compiler built (laid
/// out as <see cref="TableLayout"/> describes), the logic of its conditions, filters and context
/// tests, and names for explanations. Generated rulesets implement it as an empty struct whose
/// tables are static data; the <c>nvtrap</c> tool implements it over the same tables held in
/// arrays. The engine takes it as a struct-constrained generic parameter, so every member is a
/// direct, inlined call. As an <see cref="IVmProfile"/> it is the ruleset's full-featured VM:
/// nothing hidden, the default reserved bits and parameter values.
/// </summary>
public interface ITrapRules : IVmProfile
{
    /// <summary>The lookup's 16-bit displacement per bucket (<see cref="TableLayout.Lookup"/>).</summary>
    ReadOnlySpan<byte> LookupDisplacements { get; }

    /// <summary>The lookup's slots, a power of two of them: key in the upper 32 bits, config in the lower.</summary>
    ReadOnlySpan<byte> LookupSlots { get; }

    /// <summary>Where each decision list starts (<see cref="TableLayout.DecisionLists"/>), padded to a power of two.</summary>
    ReadOnlySpan<byte> DecisionListStarts { get; }

    /// <summary>The decision lists' <see cref="MemberTest"/> records, padded to a power of two.</summary>
    ReadOnlySpan<byte> DecisionRecords { get; }

    /// <summary>Where each group's members start in <see cref="GroupRecords"/> (<see cref="TableLayout.Groups"/>).</summary>
    ReadOnlySpan<byte> GroupStarts { get; }

    /// <summary>Every group's flattened members as <see cref="MemberTest"/> records.</summary>
    ReadOnlySpan<byte> GroupRecords { get; }

    /// <summary>Each group's <see cref="RuleGroupKind"/>, one byte per group id.</summary>
    ReadOnlySpan<byte> GroupKinds { get; }

    /// <summary>The register each fine-grained group tests per direction (<see cref="TableLayout.FineGrainedRegisters"/>).</summary>
    ReadOnlySpan<byte> FineGrainedRegisters { get; }

    /// <summary>Each register's default RES0 bits (<see cref="TableLayout.RegisterMasks"/>).</summary>
    ReadOnlySpan<byte> RegisterRes0 { get; }

    /// <summary>Each register's default RES1 bits (<see cref="TableLayout.RegisterMasks"/>).</summary>
    ReadOnlySpan<byte> RegisterRes1 { get; }

    /// <summary>Each parameter's default value (<see cref="TableLayout.Parameters"/>).</summary>
    ReadOnlySpan<byte> ParameterDefaults { get; }

    /// <summary>The registers the ruleset sanitises (bit n for register n): the only ones a VM profile may give reserved bits.</summary>
    uint SanitisedRegisters { get; }

    /// <summary>
    /// The packed config of the encoding an ISS key names, 0 if none. Compiled rulesets answer
    /// with <see cref="RuleTables.LookupIssKey"/> over their own tables; it is a member so that
    /// benchmarks can put another lookup structure under the same engine.
    /// </summary>
    uint LookupIssKey(uint issKey);

    /// <summary>Whether the access comes from the guest hypervisor's own context (the ruleset's <c>context: hypervisor</c>).</summary>
    bool IsHypervisorContext<TState, TVm>(ref TState state, ref TVm vm)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile;

    /// <summary>Within a hypervisor context, whether the access comes from its host EL0 (the ruleset's <c>context: host_el0</c>).</summary>
    bool IsHostEl0<TState, TVm>(ref TState state, ref TVm vm)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile;

    /// <summary>Whether a fine-grained filter holds, switching off the fine-grained entries that name it.</summary>
    bool FilterHolds<TState, TVm>(int filter, ref TState state, ref TVm vm)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile;

    /// <summary>
    /// Evaluates a condition group. State and profile come by <c>ref</c> so reading them through
    /// their interfaces copies nothing; implementations must not write to them. A group that is
    /// not a condition never holds.
    /// </summary>
    bool EvaluateCondition<TState, TVm>(int group, ref TState state, ref TVm vm, SysRegEncoding encoding)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile;

    /// <summary>Names and texts for explanations; never used when deciding.</summary>
    RulesetNames Names { get; }
}
