using NvTrap.Compiler.Binding;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// A group after lowering. For a control or condition, its member list is itself; for a
/// combination, its flattened members. <see cref="MemberStart"/>/<see cref="MemberCount"/> index
/// <see cref="LoweredRuleset.Members"/>.
/// </summary>
internal sealed record LoweredGroup(
    int Id,
    string Name,
    GroupKind Kind,
    int Register,
    ulong Mask,
    ulong Value,
    int Behaviour,
    int MemberStart,
    int MemberCount,
    BoundExpr? When,
    string? WhenText,
    string? CSharpMethod);

internal sealed record LoweredRegister(int Index, string Name, ulong Res0, ushort? Encoding);

internal sealed record LoweredFineGrainedGroup(int Id, string Name, int ReadRegister, int WriteRegister);

/// <summary>One configured encoding: its packed config and the names that explain it.</summary>
internal sealed record LoweredEntry(ushort Encoding, ulong Config, string? SysRegName, string? FineGrainedBitName);

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

/// <summary>
/// Everything the emitter and the interpreter need: flat tables, packed configs and the
/// perfect hash. Equatable, so an unchanged ruleset never re-emits code.
/// </summary>
internal sealed record LoweredRuleset(
    string Name,
    EquatableArray<string> Files,
    EquatableArray<LoweredRegister> Registers,
    int HcrRegister,
    EquatableArray<LoweredGroup> Groups,
    EquatableArray<ushort> Members,
    DecisionTable Decisions,
    EquatableArray<LoweredFineGrainedGroup> FineGrainedGroups,
    EquatableArray<LoweredEntry> Entries,
    PerfectHashTable Hash,
    EquatableArray<CatalogueName> Catalogue,
    RulesetCounts Counts)
{
    /// <summary>Index 0 of <see cref="Groups"/> is a placeholder: group id 0 means none.</summary>
    public LoweredGroup GroupById(int id) => Groups[id];
}

/// <summary>A catalogue name for display (several names may share one encoding).</summary>
internal sealed record CatalogueName(string Name, ushort Encoding);
