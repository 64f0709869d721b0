using System;
using System.ComponentModel;

namespace NvTrap;

/// <summary>
/// The human-readable side of a compiled ruleset: names of registers, groups, filters,
/// parameters and encodings, and the text of each condition, filter and context test. Built from
/// tables the rule compiler produced (generated code sets them from literals, the <c>nvtrap</c>
/// tool from arrays); used only to explain decisions and to read VM profiles.
/// </summary>
public sealed class RulesetNames
{
    /// <summary>The ruleset's name.</summary>
    public string RulesetName { get; init; } = string.Empty;

    /// <summary>Register names by index.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string[] RegisterNames { private get; init; } = [];

    /// <summary>Group names by id, id 0 being "none".</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string[] GroupNames { private get; init; } = ["none"];

    /// <summary>Fine-grained group names by id, id 0 being "none".</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string[] FineGrainedGroupNames { private get; init; } = ["none"];

    /// <summary>Filter names by id, id 0 being "none".</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string[] FilterNames { private get; init; } = ["none"];

    /// <summary>Each filter's expression, by id (null for id 0).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string?[] FilterExpressions { private get; init; } = [null];

    /// <summary>Parameter names by index.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string[] ParameterNames { private get; init; } = [];

    /// <summary>Each parameter's least value, by index.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ulong[] ParameterMinimums { private get; init; } = [];

    /// <summary>Each parameter's greatest value, by index.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ulong[] ParameterMaximums { private get; init; } = [];

    /// <summary>Encodings the catalogue names, ascending.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ushort[] NamedEncodings { private get; init; } = [];

    /// <summary>The catalogue name of each of <see cref="NamedEncodings"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string[] SysRegNames { private get; init; } = [];

    /// <summary>Encodings with a fine-grained entry, ascending.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ushort[] FineGrainedEncodings { private get; init; } = [];

    /// <summary>The fine-grained bit of each of <see cref="FineGrainedEncodings"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string[] FineGrainedBits { private get; init; } = [];

    /// <summary>Each condition's expression text (or <c>csharp: Method</c>) by group id; null for other groups.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string?[] ConditionExpressions { private get; init; } = [];

    /// <summary>The registers each condition reads, by group id.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public byte[][] ConditionReads { private get; init; } = [];

    /// <summary>The parameters each condition reads, by group id.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public byte[][] ConditionParameterReads { private get; init; } = [];

    /// <summary>The ruleset's test for a hypervisor context, as written.</summary>
    public string HypervisorContext { get; init; } = string.Empty;

    /// <summary>The ruleset's test for host EL0 within a hypervisor context, as written; null when the ruleset has no host EL0.</summary>
    public string? HostEl0 { get; init; }

    /// <summary>Number of registers.</summary>
    public int RegisterCount => RegisterNames.Length;

    /// <summary>Number of fine-grained groups, not counting id 0.</summary>
    public int FineGrainedGroupCount => FineGrainedGroupNames.Length - 1;

    /// <summary>Number of filters, not counting id 0.</summary>
    public int FilterCount => FilterNames.Length - 1;

    /// <summary>Number of named parameters.</summary>
    public int ParameterCount => ParameterNames.Length;

    /// <summary>A register's name by index.</summary>
    public string RegisterName(int register) => (uint)register < (uint)RegisterNames.Length ? RegisterNames[register] : "register " + register;

    /// <summary>A group's name by id (id 0 is "none").</summary>
    public string GroupName(int group) => (uint)group < (uint)GroupNames.Length ? GroupNames[group] : "group " + group;

    /// <summary>A fine-grained group's name by id (id 0 is "none").</summary>
    public string FineGrainedGroupName(int fineGrainedGroup) =>
        (uint)fineGrainedGroup < (uint)FineGrainedGroupNames.Length ? FineGrainedGroupNames[fineGrainedGroup] : "fine-grained group " + fineGrainedGroup;

    /// <summary>A filter's name by id (id 0 is "none").</summary>
    public string FilterName(int filter) => (uint)filter < (uint)FilterNames.Length ? FilterNames[filter] : "filter " + filter;

    /// <summary>A filter's expression, as written.</summary>
    public string? FilterText(int filter) => (uint)filter < (uint)FilterExpressions.Length ? FilterExpressions[filter] : null;

    /// <summary>A parameter's name by index.</summary>
    public string ParameterName(int parameter) => (uint)parameter < (uint)ParameterNames.Length ? ParameterNames[parameter] : "parameter " + parameter;

    /// <summary>A parameter's inclusive range, as the ruleset declares it (0..0 for an index it does not define).</summary>
    public (ulong Min, ulong Max) ParameterRange(int parameter) =>
        (uint)parameter < (uint)ParameterMinimums.Length && (uint)parameter < (uint)ParameterMaximums.Length
            ? (ParameterMinimums[parameter], ParameterMaximums[parameter])
            : (0, 0);

    /// <summary>The catalogue name of an encoding, if the ruleset names it.</summary>
    public string? SysRegName(ushort encoding)
    {
        int i = Array.BinarySearch(NamedEncodings, encoding);
        return i >= 0 ? SysRegNames[i] : null;
    }

    /// <summary>The name of an encoding's fine-grained bit (e.g. <c>HFGxTR.nTPIDR2_EL0</c>), if it has one.</summary>
    public string? FineGrainedBitName(ushort encoding)
    {
        int i = Array.BinarySearch(FineGrainedEncodings, encoding);
        return i >= 0 ? FineGrainedBits[i] : null;
    }

    /// <summary>A condition's expression text (or <c>csharp: Method</c>); null for a group that is not a condition.</summary>
    public string? ConditionText(int group) => (uint)group < (uint)ConditionExpressions.Length ? ConditionExpressions[group] : null;

    /// <summary>The registers a condition reads, to show their values.</summary>
    public ReadOnlySpan<byte> ConditionRegisters(int group) =>
        (uint)group < (uint)ConditionReads.Length ? ConditionReads[group] : default;

    /// <summary>The parameters a condition reads, to show their values.</summary>
    public ReadOnlySpan<byte> ConditionParameters(int group) =>
        (uint)group < (uint)ConditionParameterReads.Length ? ConditionParameterReads[group] : default;
}
