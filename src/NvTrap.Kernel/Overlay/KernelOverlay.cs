using System.Collections.Generic;
using NvTrap.Kernel.Diagnostics;

namespace NvTrap.Kernel.Overlay;

/// <summary>A value written in the overlay and where (for diagnostics, and for the source map of what it produces).</summary>
internal sealed record Located<T>(T Value, SourceLocation Location);

/// <summary>How the overlay translates one CCC function: the NvTrap condition that replaces it.</summary>
internal sealed record OverlayCondition(string Function, string Forward, string When, bool InHostEl0, string? Register, SourceLocation Location);

/// <summary>A register the overlay adds to or completes: extra fields, and where its reserved bits come from.</summary>
internal sealed record OverlayRegister(string Name, IReadOnlyDictionary<string, (int Hi, int Lo)> Fields, string? Res0, string? Res1, SourceLocation Location);

/// <summary>A fine-grained group's registers, when the enum's names do not say them.</summary>
internal sealed record OverlayFineGrainedGroup(string Name, string Read, string Write, SourceLocation Location);

/// <summary>
/// What the kernel expresses in C outside its tables, written as NvTrap data: the conditions
/// that replace CCC functions, the context tests, VM parameters, filter expressions, registers
/// and fields the conditions read, reserved bits, fine-grained registers, the macros a tree
/// expects from its build, and what the catalogue needs beyond the names the tables use: the
/// architecture's index range of an indexed family, and registers no entry names. Documented in
/// docs/import.md.
/// </summary>
internal sealed class KernelOverlay
{
    public string Path { get; set; } = string.Empty;

    public string? Ruleset { get; set; }

    public Dictionary<string, Located<string>> Defines { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, Located<string>> Context { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Parameter name and its YAML value text (<c>{ default: 31, range: 0..31 }</c>), passed through.</summary>
    public Dictionary<string, Located<string>> Parameters { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, OverlayCondition> Conditions { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, Located<string>> Filters { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, OverlayRegister> Registers { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, OverlayFineGrainedGroup> FineGrained { get; } = new(System.StringComparer.Ordinal);

    /// <summary>A catalogue family (<c>DBGWCR&lt;n&gt;_EL1</c>) and the index range the architecture gives it, which the tables may use only part of.</summary>
    public Dictionary<string, Located<(int Low, int High)>> Families { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Names to catalogue although no table entry uses them, each resolved through the tree's SYS_ or OP_ macro.</summary>
    public List<Located<string>> SysRegs { get; } = new();
}
