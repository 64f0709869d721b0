using System;

namespace NvTrap.Cli.Interpreting;

/// <summary>The human-readable side of an interpreted ruleset, with the generated names' fallbacks.</summary>
internal sealed class InterpretedNames : ITrapRuleNames
{
    private readonly InterpretedTables _tables;

    public InterpretedNames(InterpretedTables tables) => _tables = tables;

    public string RulesetName => _tables.Lowered.Name;

    public int RegisterCount => _tables.RegisterNames.Length;

    public string RegisterName(int register) =>
        (uint)register < (uint)_tables.RegisterNames.Length ? _tables.RegisterNames[register] : "register " + register;

    public string GroupName(int group) =>
        (uint)group < (uint)_tables.GroupNames.Length ? _tables.GroupNames[group] : "group " + group;

    public string FineGrainedGroupName(int fineGrainedGroup) =>
        (uint)fineGrainedGroup < (uint)_tables.FineGrainedGroupNames.Length ? _tables.FineGrainedGroupNames[fineGrainedGroup] : "fine-grained group " + fineGrainedGroup;

    public string? FineGrainedBitName(ushort encoding) => _tables.FineGrainedBitNames.TryGetValue(encoding, out string? name) ? name : null;

    public string? SysRegName(ushort encoding) => _tables.SysRegNames.TryGetValue(encoding, out string? name) ? name : null;

    public string? ConditionText(int group) => (uint)group < (uint)_tables.ConditionTexts.Length ? _tables.ConditionTexts[group] : null;

    public ReadOnlySpan<byte> ConditionRegisters(int group) =>
        (uint)group < (uint)_tables.ConditionRegisters.Length ? _tables.ConditionRegisters[group] : default;
}
