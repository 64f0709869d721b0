using System.Collections.Generic;
using NvTrap.Kernel.Diagnostics;

namespace NvTrap.Kernel.Import;

/// <summary>The kinds of coarse group, as the kernel's enum sections them.</summary>
internal enum ImportedGroupKind
{
    Control,
    Combination,
    Condition,
}

/// <summary>
/// A mask or value of a control: its number, and the field names it is made of when the kernel
/// spells it as fields (<c>HCR_NV | HCR_NV2</c> -> NV, NV2); null when it is written otherwise.
/// </summary>
internal sealed record BitsValue(ulong Bits, IReadOnlyList<string>? Fields);

/// <summary>A coarse group of the kernel's enum cgt_group_id, named without CGT_.</summary>
internal sealed class ImportedGroup
{
    public ImportedGroup(string name, int kernelId, ImportedGroupKind kind, SourceLocation location)
    {
        Name = name;
        KernelId = kernelId;
        Kind = kind;
        Location = location;
    }

    public string Name { get; }

    public int KernelId { get; }

    public ImportedGroupKind Kind { get; }

    /// <summary>Where the group's definition is: its coarse_trap_bits, MCB or CCC entry (the enum when it has none).</summary>
    public SourceLocation Location { get; set; }

    public string? Register { get; set; }

    public BitsValue? Mask { get; set; }

    public BitsValue? Value { get; set; }

    /// <summary>read, write or any.</summary>
    public string Forward { get; set; } = "any";

    public bool InHostEl0 { get; set; }

    public List<string> Members { get; } = new();

    public string? Function { get; set; }

    public string? When { get; set; }

    /// <summary>Where the overlay wrote <see cref="When"/> (an error in the expression is the overlay's).</summary>
    public SourceLocation? WhenLocation { get; set; }
}

/// <summary>An encoding as the kernel names it: a catalogue name, or the generic S-name when it has none.</summary>
internal sealed record EncodingName(ushort Encoding, string Name, bool InCatalogue);

/// <summary>A coarse (SR_TRAP / SR_RANGE_TRAP) entry.</summary>
internal sealed record ImportedCoarseEntry(EncodingName First, EncodingName Last, string Group, SourceLocation Location);

/// <summary>A fine-grained (SR_FGT / SR_FGF / ranges) entry, or a non_0x18_fgt bit when <see cref="First"/> is null.</summary>
internal sealed record ImportedFineEntry(EncodingName? First, EncodingName? Last, string Group, int Bit, string BitName, bool TrapWhenSet, string? Filter, SourceLocation Location);

/// <summary>A fine-grained group of enum fgt_group_id, named without _GROUP, with the registers it reads.</summary>
internal sealed record ImportedFineGroup(string Name, int KernelId, string Read, string Write, SourceLocation Location);

/// <summary>A register the rules read: encoding, fields and reserved bits, and where each came from.</summary>
internal sealed class ImportedRegister
{
    public ImportedRegister(string name, SourceLocation location)
    {
        Name = name;
        Location = location;
    }

    public string Name { get; }

    public SourceLocation Location { get; set; }

    public ushort? Encoding { get; set; }

    public SortedDictionary<string, (int Hi, int Lo)> Fields { get; } = new(System.StringComparer.Ordinal);

    public ulong Res0 { get; set; }

    public ulong Res1 { get; set; }

    /// <summary>Whether the overlay gives reserved bits (res0 or res1), so the rules sanitise the register even when both are 0.</summary>
    public bool Sanitised { get; set; }
}

/// <summary>A named expression and where it was written (context tests, filters, parameters).</summary>
internal sealed record NamedText(string Name, string Text, SourceLocation Location);

/// <summary>Everything the import read, ready to be written as rule files.</summary>
internal sealed class ImportedRuleset
{
    public string Name { get; set; } = "linux";

    public List<NamedText> Context { get; } = new();

    public List<NamedText> Parameters { get; } = new();

    public List<NamedText> Filters { get; } = new();

    public Dictionary<string, ImportedRegister> Registers { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Groups in the kernel's enum order.</summary>
    public List<ImportedGroup> Groups { get; } = new();

    public List<ImportedCoarseEntry> CoarseEntries { get; } = new();

    public List<ImportedFineGroup> FineGroups { get; } = new();

    public List<ImportedFineEntry> FineEntries { get; } = new();

    public List<ImportedFineEntry> NonSysregFineEntries { get; } = new();

    /// <summary>Catalogue names used by the tables, with their encodings.</summary>
    public SortedDictionary<string, ushort> Catalogue { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Names that come from an indexed macro (SYS_DBGBVRn_EL1(3) is DBGBVR3_EL1): the family's
    /// name with its placeholder (DBGBVR&lt;n&gt;_EL1) and the index, so the catalogue can write the family.
    /// </summary>
    public Dictionary<string, (string Family, int Index)> FamilyMembers { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Families whose index range the overlay gives (the architecture's), wider than the indices
    /// the tables use, so the catalogue holds every member and a member the tables leave out shows.
    /// </summary>
    public Dictionary<string, (int Low, int High)> FamilyRanges { get; } = new(System.StringComparer.Ordinal);

    public ImportedRegister Register(string name, SourceLocation location)
    {
        if (!Registers.TryGetValue(name, out var register))
        {
            register = new ImportedRegister(name, location);
            Registers[name] = register;
        }

        return register;
    }
}
