using System.Collections.Generic;

namespace NvTrap;

/// <summary>
/// A decision with the chain that made it, for people and tools: the fine-grained bit tested,
/// and each member of the coarse group with the values it compared.
/// </summary>
public sealed class TrapExplanation
{
    internal TrapExplanation(TrapDecision decision, Esr esr, string? sysRegName, string summary, FineGrainedStep? fineGrained, CoarseStep? coarse)
    {
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

    /// <summary>The fine-grained test, if the encoding has a fine-grained entry.</summary>
    public FineGrainedStep? FineGrained { get; }

    /// <summary>The coarse group's evaluation, if it was evaluated.</summary>
    public CoarseStep? Coarse { get; }

    /// <summary>The explanation as indented text.</summary>
    public override string ToString() => ExplanationText.Render(this);
}

/// <summary>A fine-grained bit test.</summary>
public sealed record FineGrainedStep(
    string Group,
    string BitName,
    int Bit,
    string Register,
    ulong RawValue,
    ulong Res0,
    ulong Value,
    bool TrapWhenSet,
    bool Forwarded);

/// <summary>A coarse group and each member's evaluation.</summary>
public sealed record CoarseStep(string Group, RuleGroupKind Kind, IReadOnlyList<MemberStep> Members, bool Forwarded);

/// <summary>
/// One control or condition of a coarse group. For a control: <see cref="Register"/>,
/// <see cref="RegisterValue"/>, <see cref="Mask"/> and <see cref="Value"/>; for a condition:
/// <see cref="Condition"/> and the <see cref="Operands"/> it reads.
/// </summary>
public sealed record MemberStep(
    string Name,
    RuleGroupKind Kind,
    TrapBehaviour Behaviour,
    bool Matched,
    bool CoversAccess,
    string? Register,
    ulong RegisterValue,
    ulong Mask,
    ulong Value,
    string? Condition,
    IReadOnlyList<KeyValuePair<string, ulong>> Operands);
