using System;

namespace NvTrap;

/// <summary>
/// A compiled ruleset as the decision engine reads it: the tables the rule compiler built (laid
/// out as <see cref="TableLayout"/> describes), the condition logic, and names for explanations.
/// Generated rulesets implement it as an empty struct whose tables are static data; the
/// <c>nvtrap</c> tool implements it over the same tables held in arrays. The engine takes it as
/// a struct-constrained generic parameter, so every member is a direct, inlined call.
/// </summary>
public interface ITrapRules
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

    /// <summary>Each register's RES0 bits, cleared before a fine-grained bit is tested (<see cref="TableLayout.RegisterMasks"/>).</summary>
    ReadOnlySpan<byte> RegisterRes0 { get; }

    /// <summary>
    /// The packed config of the encoding an ISS key names, 0 if none. Compiled rulesets answer
    /// with <see cref="RuleTables.LookupIssKey"/> over their own tables; it is a member so that
    /// benchmarks can put another lookup structure under the same engine.
    /// </summary>
    uint LookupIssKey(uint issKey);

    /// <summary>The register index of HCR_EL2, or -1 if the ruleset has none (read for the hypervisor-context test).</summary>
    int HcrEl2Register { get; }

    /// <summary>
    /// Evaluates a condition group. The state comes by <c>ref</c> so reading it through
    /// <see cref="IVcpuState"/> copies nothing; implementations must not write to it. A group
    /// that is not a condition never holds.
    /// </summary>
    bool EvaluateCondition<TState>(int group, ref TState state, SysRegEncoding encoding)
        where TState : struct, IVcpuState;

    /// <summary>Names and texts for explanations; never used when deciding.</summary>
    RulesetNames Names { get; }
}
