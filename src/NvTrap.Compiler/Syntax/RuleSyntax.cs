using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Syntax;

// The syntax of one rule file: what the YAML says, shaped and located, with no names resolved.
// Every type is an equatable record so a parsed file can be cached by the incremental generator.

/// <summary>A name as written, with where it was written.</summary>
internal sealed record NameSyntax(string Text, SourceSpan Span)
{
    public override string ToString() => Text;
}

/// <summary>An integer as written (after parsing decimal, hex or binary), with its location.</summary>
internal sealed record NumberSyntax(ulong Value, SourceSpan Span);

/// <summary>A bit or inclusive bit range [Hi:Lo] of a register.</summary>
internal sealed record FieldSyntax(NameSyntax Name, int Hi, int Lo, SourceSpan Span);

/// <summary>
/// A register definition: optional encoding, named fields, and its default reserved bits. A
/// register with <c>res0</c> or <c>res1</c> is sanitised: the rules read it as
/// <c>(value &amp; ~res0) | res1</c>.
/// </summary>
internal sealed record RegisterSyntax(NameSyntax Name, EncodingSyntax? Encoding, EquatableArray<FieldSyntax> Fields, NumberSyntax? Res0, NumberSyntax? Res1, SourceSpan Span);

/// <summary>A mask or value: either a literal integer or a list of field names to OR together.</summary>
internal sealed record BitsSyntax(NumberSyntax? Literal, EquatableArray<NameSyntax> Fields, SourceSpan Span);

/// <summary>Which accesses a group forwards when it matches.</summary>
internal enum BehaviourSyntax
{
    Read = 1,
    Write = 2,
    Any = 3,
}

/// <summary><c>in_host_el0: true</c>: the behaviour also applies in the guest hypervisor's host EL0.</summary>
internal sealed record ControlSyntax(NameSyntax Name, NameSyntax? Register, BitsSyntax? Mask, BitsSyntax? Value, BehaviourSyntax? Forward, bool InHostEl0, SourceSpan Span);

internal sealed record CombinationSyntax(NameSyntax Name, EquatableArray<NameSyntax> Members, SourceSpan Span);

internal sealed record ConditionSyntax(NameSyntax Name, BehaviourSyntax? Forward, bool InHostEl0, ExpressionText? When, NameSyntax? CSharpMethod, SourceSpan Span);

/// <summary>
/// The ruleset's context tests: when an access comes from the guest hypervisor's own context,
/// and, within it, from its host EL0. Either may be absent from a file.
/// </summary>
internal sealed record ContextSyntax(ExpressionText? Hypervisor, ExpressionText? HostEl0, SourceSpan Span);

/// <summary>A named VM parameter: its default and its inclusive range.</summary>
internal sealed record ParameterSyntax(NameSyntax Name, NumberSyntax? Default, NumberSyntax? Min, NumberSyntax? Max, SourceSpan Span);

/// <summary>A fine-grained filter: a named expression that, when true, switches off the fine-grained entries naming it.</summary>
internal sealed record FilterSyntax(NameSyntax Name, ExpressionText? When, SourceSpan Span);

/// <summary>The source text of an expression and its parsed tree (null when it did not parse).</summary>
internal sealed record ExpressionText(string Text, SourceSpan Span, ExprSyntax? Tree);

/// <summary>
/// An encoding as written: a catalogue name, a generic name (S3_0_C1_C0_0) already split into
/// fields, or a five-element list.
/// </summary>
internal sealed record EncodingSyntax(NameSyntax? CatalogueName, EquatableArray<NumberSyntax> Fields, SourceSpan Span)
{
    public bool IsName => CatalogueName is not null;
}

internal sealed record EncodingRangeSyntax(EncodingSyntax First, EncodingSyntax Last, SourceSpan Span);

/// <summary>One entry of <c>traps</c>: a group and its encodings (single, list or range).</summary>
internal sealed record TrapSyntax(NameSyntax? Group, EquatableArray<EncodingSyntax> Encodings, EncodingRangeSyntax? Range, SourceSpan Span);

internal sealed record FineGrainedGroupSyntax(NameSyntax Name, NameSyntax? Read, NameSyntax? Write, SourceSpan Span);

/// <summary>A fine-grained bit reference: <c>GROUP.FIELD</c> or <c>GROUP[n]</c>.</summary>
internal sealed record FineGrainedBitSyntax(NameSyntax Group, NameSyntax? Field, NumberSyntax? Number, SourceSpan Span);

internal enum PolaritySyntax
{
    Clear = 0,
    Set = 1,
}

internal sealed record FineGrainedTrapSyntax(EquatableArray<EncodingSyntax> Encodings, EncodingRangeSyntax? Range, FineGrainedBitSyntax? Bit, PolaritySyntax? TrapWhen, NameSyntax? Filter, SourceSpan Span);

/// <summary>A fine-grained bit that traps something other than a system-register access (ERET, SVC, ...): declared for the completeness check.</summary>
internal sealed record NonSysregBitSyntax(FineGrainedBitSyntax? Bit, PolaritySyntax? TrapWhen, SourceSpan Span);

/// <summary>
/// A catalogue entry: a single name with an encoding, or a family (<c>DBGBVR&lt;n&gt;_EL1</c>)
/// whose encoding fields are expressions of the index.
/// </summary>
internal sealed record SysRegSyntax(NameSyntax Name, EncodingSyntax? Encoding, FamilySyntax? Family, SourceSpan Span);

internal sealed record FamilySyntax(string Prefix, string Variable, string Suffix, NumberSyntax From, NumberSyntax To, EquatableArray<ExpressionText> Fields, SourceSpan Span);

/// <summary>Everything one rule file says.</summary>
internal sealed record RuleFileSyntax(
    string Path,
    NameSyntax? Ruleset,
    EquatableArray<RegisterSyntax> Registers,
    EquatableArray<ControlSyntax> Controls,
    EquatableArray<CombinationSyntax> Combinations,
    EquatableArray<ConditionSyntax> Conditions,
    EquatableArray<TrapSyntax> Traps,
    EquatableArray<FineGrainedGroupSyntax> FineGrainedGroups,
    EquatableArray<FineGrainedTrapSyntax> FineGrainedTraps,
    EquatableArray<SysRegSyntax> SysRegs,
    ContextSyntax? Context,
    EquatableArray<ParameterSyntax> Parameters,
    EquatableArray<FilterSyntax> Filters,
    EquatableArray<NonSysregBitSyntax> NonSysregBits);
