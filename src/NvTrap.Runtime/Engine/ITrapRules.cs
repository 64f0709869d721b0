using System;

namespace NvTrap;

/// <summary>
/// A compiled ruleset as the decision engine sees it: a lookup from encoding to packed config,
/// the flattened group tables and the condition logic. The generator implements it as an empty
/// struct over static data; the <c>nvtrap</c> tool implements it over tables it compiled at run
/// time. Taken as a struct-constrained generic parameter so calls are direct and inlined.
/// </summary>
public interface ITrapRules
{
    /// <summary>The packed trap config of an encoding in the kernel's layout, 0 if none.</summary>
    ulong LookupConfig(ushort encoding);

    /// <summary>
    /// The same lookup keyed by <see cref="Esr.IssKey"/>, the form an ESR carries: what
    /// <see cref="TrapEngine.Decide"/> calls. Must equal <c>LookupConfig(SysRegEncoding.FromIssKey(issKey).Value)</c>
    /// for every key within <see cref="SysRegEncoding.IssKeyMask"/>.
    /// </summary>
    ulong LookupIssKey(uint issKey);

    /// <summary>
    /// Where decision list <paramref name="list"/> starts in the decision table, in bits [30:0];
    /// bit 31 is set when the list holds a condition. The list ends where list
    /// <paramref name="list"/> + 1 starts. List <c>2 * group + 1</c> holds the group's flattened
    /// members that forward a read, <c>2 * group</c> those that forward a write, in member order:
    /// the behaviour test is done once, when the table is built.
    /// </summary>
    int DecisionListStart(int list);

    /// <summary>Entry <paramref name="index"/> of the decision table.</summary>
    MemberTest DecisionMember(int index);

    /// <summary>The register index of HCR_EL2, or -1 if the ruleset has none (read for the E2H/TGE hypervisor-context test).</summary>
    int HcrEl2Register { get; }

    /// <summary>Where a group's flattened members start in the member table (a control or condition is its own only member).</summary>
    int MemberStart(int group);

    /// <summary>How many flattened members a group has.</summary>
    int MemberCount(int group);

    /// <summary>Entry <paramref name="index"/> of the flattened member table: a control or condition group id.</summary>
    int Member(int index);

    /// <summary>The kind of a group.</summary>
    RuleGroupKind KindOf(int group);

    /// <summary>The register a control tests.</summary>
    int ControlRegister(int group);

    /// <summary>The mask a control applies.</summary>
    ulong ControlMask(int group);

    /// <summary>The value a control compares the masked register with.</summary>
    ulong ControlValue(int group);

    /// <summary>What a control or condition forwards when it matches.</summary>
    TrapBehaviour BehaviourOf(int group);

    /// <summary>
    /// Evaluates a condition group. The state comes by <c>ref</c> so reading it through
    /// <see cref="IVcpuState"/> copies nothing; implementations must not write to it.
    /// </summary>
    bool EvaluateCondition<TState>(int group, ref TState state, SysRegEncoding encoding)
        where TState : struct, IVcpuState;

    /// <summary>The register a fine-grained group tests for a read or a write.</summary>
    int FineGrainedRegister(int fineGrainedGroup, bool isRead);

    /// <summary>The RES0 bits of a register, cleared before a fine-grained bit is tested.</summary>
    ulong Res0Of(int register);

    /// <summary>Names and texts for explanations; not used when deciding.</summary>
    ITrapRuleNames Names { get; }
}

/// <summary>The human-readable side of a ruleset, used only to explain decisions.</summary>
public interface ITrapRuleNames
{
    /// <summary>The ruleset's name.</summary>
    string RulesetName { get; }

    /// <summary>Number of registers.</summary>
    int RegisterCount { get; }

    /// <summary>A register's name by index.</summary>
    string RegisterName(int register);

    /// <summary>A group's name by id (id 0 is "none").</summary>
    string GroupName(int group);

    /// <summary>A fine-grained group's name by id.</summary>
    string FineGrainedGroupName(int fineGrainedGroup);

    /// <summary>The name of an encoding's fine-grained bit (e.g. <c>HFGxTR.nTPIDR2_EL0</c>), if it has one.</summary>
    string? FineGrainedBitName(ushort encoding);

    /// <summary>The catalogue name of an encoding, if the ruleset names it.</summary>
    string? SysRegName(ushort encoding);

    /// <summary>A condition's expression text (or <c>csharp: Method</c>).</summary>
    string? ConditionText(int group);

    /// <summary>The registers a condition reads, to show their values.</summary>
    ReadOnlySpan<byte> ConditionRegisters(int group);
}
