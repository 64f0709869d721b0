using System.Collections.Generic;

namespace NvTrap;

/// <summary>
/// A decision with the chain that made it, for people and tools: the VM's hidden features, the
/// context, the fine-grained bit tested (and any filter that switched it off), and each member of
/// the coarse group with the values it compared.
/// </summary>
public sealed class TrapExplanation
{
    internal TrapExplanation(TrapDecision decision, Esr esr, string? sysRegName, string summary, ContextStep? context, FineGrainedStep? fineGrained, CoarseStep? coarse)
    {
        Context = context;
        Decision = decision;
        Esr = esr;
        SysRegName = sysRegName;
        Summary = summary;
        FineGrained = fineGrained;
        Coarse = coarse;
    }

    /// <summary>The decision, as <c>Decide</c> returns it.</summary>
    public TrapDecision Decision { get; }

    /// <summary>The ESR decided on.</summary>
    public Esr Esr { get; }

    /// <summary>The catalogue name of the accessed encoding, if known.</summary>
    public string? SysRegName { get; }

    /// <summary>One sentence: what was decided and why.</summary>
    public string Summary { get; }

    /// <summary>The ruleset's context tests, when the decision reached them (a configured encoding, with nested virtualization, nothing hidden).</summary>
    public ContextStep? Context { get; }

    /// <summary>The fine-grained test, if the encoding has a fine-grained entry and it was reached.</summary>
    public FineGrainedStep? FineGrained { get; }

    /// <summary>The coarse group's evaluation, if it was evaluated.</summary>
    public CoarseStep? Coarse { get; }

    /// <summary>The explanation as indented text.</summary>
    public override string ToString() => ExplanationText.Render(this);
}

/// <summary>
/// The ruleset's context tests as written, and whether each held: a hypervisor context is
/// handled locally unless it is host EL0 (tested only within a hypervisor context).
/// </summary>
public sealed record ContextStep(string HypervisorTest, bool IsHypervisorContext, string? HostEl0Test, bool IsHostEl0);

/// <summary>
/// A fine-grained bit: whether the VM hides it, whether a filter switched the entry off, and the
/// test of the register (read, then sanitised with the VM's reserved bits).
/// </summary>
public sealed record FineGrainedStep(
    string Group,
    string BitName,
    int Bit,
    string Register,
    ulong RawValue,
    ulong Res0,
    ulong Res1,
    ulong Value,
    bool TrapWhenSet,
    bool Forwarded,
    bool Hidden,
    string? Filter,
    string? FilterText,
    bool FilteredOut);

/// <summary>A coarse group and each member's evaluation.</summary>
public sealed record CoarseStep(string Group, RuleGroupKind Kind, IReadOnlyList<MemberStep> Members, bool Forwarded);

/// <summary>
/// One control or condition of a coarse group. For a control: <see cref="Register"/>, the
/// sanitised <see cref="RegisterValue"/> it tested (and <see cref="RawValue"/>, as read),
/// <see cref="Mask"/> and <see cref="Value"/>; for a condition: <see cref="Condition"/> and the
/// <see cref="Operands"/> it reads.
/// </summary>
public sealed record MemberStep(
    string Name,
    RuleGroupKind Kind,
    TrapBehaviour Behaviour,
    bool Matched,
    bool CoversAccess,
    string? Register,
    ulong RegisterValue,
    ulong RawValue,
    ulong Mask,
    ulong Value,
    string? Condition,
    IReadOnlyList<KeyValuePair<string, ulong>> Operands);
