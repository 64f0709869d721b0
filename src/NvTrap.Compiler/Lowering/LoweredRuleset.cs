using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// A ruleset lowered for the engine: the engine's tables, the names that explain them, the conditions to
/// compile or interpret, and descriptions of every definition for the generated code's comments.
/// Equatable, so an unchanged ruleset never re-emits code. <see cref="IsStandIn"/> marks the
/// stand-in the generator emits for a ruleset with errors (<see cref="StandInLowerer"/>): it
/// declares the API and configures nothing; its <see cref="DeclaredOnly"/> are C# conditions whose
/// methods it declares although binding could not keep the condition (a duplicate name, say), so
/// the user's implementations still bind.
/// </summary>
internal sealed record LoweredRuleset(
    string Name,
    EquatableArray<string> Files,
    RuntimeTables Tables,
    RulesetNameTables Names,
    EquatableArray<LoweredCondition> Conditions,
    EquatableArray<GroupDescription> Groups,
    EquatableArray<RegisterDescription> Registers,
    EquatableArray<FineGrainedGroupDescription> FineGrainedGroups,
    LoweredContext Context,
    EquatableArray<LoweredFilter> Filters,
    EquatableArray<ParameterDescription> Parameters,
    RulesetCounts Counts,
    bool IsStandIn = false,
    EquatableArray<LoweredCondition> DeclaredOnly = default);

/// <summary>The context tests to compile or evaluate; <see cref="HostEl0"/> is null when the ruleset has no host EL0.</summary>
internal sealed record LoweredContext(ExpressionLogic Hypervisor, ExpressionLogic? HostEl0);

/// <summary>A fine-grained filter to compile or evaluate.</summary>
internal sealed record LoweredFilter(int Id, string Name, ExpressionLogic When, SourceLocation Source);

/// <summary>A named VM parameter, as the generated code documents it and VM profiles are checked against.</summary>
internal sealed record ParameterDescription(int Index, string Name, ulong Default, ulong Min, ulong Max, SourceLocation Source);

/// <summary>
/// The names the runtime's <c>RulesetNames</c> is built from: generated code passes them as
/// literals, the interpreter as arrays.
/// </summary>
internal sealed record RulesetNameTables(
    EquatableArray<string> Registers,
    EquatableArray<string> Groups,
    EquatableArray<string> FineGrainedGroups,
    EquatableArray<ushort> NamedEncodings,
    EquatableArray<string> SysRegNames,
    EquatableArray<ushort> FineGrainedEncodings,
    EquatableArray<string> FineGrainedBitNames,
    EquatableArray<string?> ConditionTexts,
    EquatableArray<EquatableArray<byte>> ConditionRegisters,
    EquatableArray<EquatableArray<byte>> ConditionParameters,
    EquatableArray<string> Filters,
    EquatableArray<string?> FilterTexts,
    EquatableArray<string> Parameters,
    string HypervisorContext,
    string? HostEl0);

/// <summary>Where a definition is written: file, 1-based line and column.</summary>
internal sealed record SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation Of(SourceSpan span) => new(span.Path, span.StartLine, span.StartColumn);
}

/// <summary>A condition group to compile (generator) or evaluate (interpreter).</summary>
internal sealed record LoweredCondition(int Id, string Name, TrapBehaviour Behaviour, ConditionLogic Logic, SourceLocation Source);

/// <summary>A group as the generated code documents it.</summary>
internal sealed record GroupDescription(int Id, string Name, RuleGroupKind Kind, string Summary, SourceLocation Source);

/// <summary>A register as the generated code documents it.</summary>
internal sealed record RegisterDescription(int Index, string Name, ulong Res0, ulong Res1, bool IsSanitised, SourceLocation Source);

/// <summary>A fine-grained group as the generated code documents it.</summary>
internal sealed record FineGrainedGroupDescription(int Id, string Name, string ReadRegister, string WriteRegister, SourceLocation Source);

/// <summary>How much a ruleset holds, as counted by the compiler (the figures tests and tools report).</summary>
internal sealed record RulesetCounts(
    int Controls,
    int Combinations,
    int Conditions,
    int CoarseEntries,
    int CoarseRanges,
    int FineGrainedEntries,
    int ConfiguredEncodings,
    int EncodingsFromRanges,
    int EncodingsFromSingleEntries,
    int EncodingsWithOnlyFineGrained);
