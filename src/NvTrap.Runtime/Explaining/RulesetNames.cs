using System;
using System.ComponentModel;

namespace NvTrap;

/// <summary>
/// The human-readable side of a compiled ruleset: names of registers, groups and encodings, and
/// the text of each condition. Built from tables the rule compiler produced (generated code
/// passes them as literals, the <c>nvtrap</c> tool as arrays); used only to explain decisions.
/// </summary>
public sealed class RulesetNames
{
    private readonly string[] _registers;
    private readonly string[] _groups;
    private readonly string[] _fineGrainedGroups;
    private readonly ushort[] _namedEncodings;
    private readonly string[] _sysRegNames;
    private readonly ushort[] _fineGrainedEncodings;
    private readonly string[] _fineGrainedBitNames;
    private readonly string?[] _conditionTexts;
    private readonly byte[][] _conditionRegisters;

    /// <summary>Used by generated code and the <c>nvtrap</c> tool; the arrays are kept, not copied.</summary>
    /// <param name="ruleset">The ruleset's name.</param>
    /// <param name="registers">Register names by index.</param>
    /// <param name="groups">Group names by id, id 0 being "none".</param>
    /// <param name="fineGrainedGroups">Fine-grained group names by id, id 0 being "none".</param>
    /// <param name="namedEncodings">Encodings the catalogue names, ascending.</param>
    /// <param name="sysRegNames">The catalogue name of each of <paramref name="namedEncodings"/>.</param>
    /// <param name="fineGrainedEncodings">Encodings with a fine-grained entry, ascending.</param>
    /// <param name="fineGrainedBitNames">The fine-grained bit of each of <paramref name="fineGrainedEncodings"/>.</param>
    /// <param name="conditionTexts">Each condition's expression text (or <c>csharp: Method</c>) by group id; null for other groups.</param>
    /// <param name="conditionRegisters">The registers each condition reads, by group id.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RulesetNames(
        string ruleset,
        string[] registers,
        string[] groups,
        string[] fineGrainedGroups,
        ushort[] namedEncodings,
        string[] sysRegNames,
        ushort[] fineGrainedEncodings,
        string[] fineGrainedBitNames,
        string?[] conditionTexts,
        byte[][] conditionRegisters)
    {
        RulesetName = ruleset;
        _registers = registers;
        _groups = groups;
        _fineGrainedGroups = fineGrainedGroups;
        _namedEncodings = namedEncodings;
        _sysRegNames = sysRegNames;
        _fineGrainedEncodings = fineGrainedEncodings;
        _fineGrainedBitNames = fineGrainedBitNames;
        _conditionTexts = conditionTexts;
        _conditionRegisters = conditionRegisters;
    }

    /// <summary>The ruleset's name.</summary>
    public string RulesetName { get; }

    /// <summary>Number of registers.</summary>
    public int RegisterCount => _registers.Length;

    /// <summary>A register's name by index.</summary>
    public string RegisterName(int register) => (uint)register < (uint)_registers.Length ? _registers[register] : "register " + register;

    /// <summary>A group's name by id (id 0 is "none").</summary>
    public string GroupName(int group) => (uint)group < (uint)_groups.Length ? _groups[group] : "group " + group;

    /// <summary>A fine-grained group's name by id (id 0 is "none").</summary>
    public string FineGrainedGroupName(int fineGrainedGroup) =>
        (uint)fineGrainedGroup < (uint)_fineGrainedGroups.Length ? _fineGrainedGroups[fineGrainedGroup] : "fine-grained group " + fineGrainedGroup;

    /// <summary>The catalogue name of an encoding, if the ruleset names it.</summary>
    public string? SysRegName(ushort encoding)
    {
        int i = Array.BinarySearch(_namedEncodings, encoding);
        return i >= 0 ? _sysRegNames[i] : null;
    }

    /// <summary>The name of an encoding's fine-grained bit (e.g. <c>HFGxTR.nTPIDR2_EL0</c>), if it has one.</summary>
    public string? FineGrainedBitName(ushort encoding)
    {
        int i = Array.BinarySearch(_fineGrainedEncodings, encoding);
        return i >= 0 ? _fineGrainedBitNames[i] : null;
    }

    /// <summary>A condition's expression text (or <c>csharp: Method</c>); null for a group that is not a condition.</summary>
    public string? ConditionText(int group) => (uint)group < (uint)_conditionTexts.Length ? _conditionTexts[group] : null;

    /// <summary>The registers a condition reads, to show their values.</summary>
    public ReadOnlySpan<byte> ConditionRegisters(int group) =>
        (uint)group < (uint)_conditionRegisters.Length ? _conditionRegisters[group] : default;
}
