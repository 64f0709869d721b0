using System.Collections.Generic;
using NvTrap.Kernel.Diagnostics;

namespace NvTrap.Kernel.SysregFile;

/// <summary>A named bit field of a register: bits <see cref="Hi"/>..<see cref="Lo"/>.</summary>
internal sealed record SysregField(string Name, int Hi, int Lo, SourceLocation Location);

/// <summary>
/// A <c>Sysreg</c> or <c>SysregFields</c> block of arch/arm64/tools/sysreg: its encoding (none
/// for a fields block), its fields by name and its reserved bits.
/// </summary>
internal sealed class SysregDefinition
{
    public SysregDefinition(string name, bool isFieldsBlock, (int Op0, int Op1, int CRn, int CRm, int Op2)? encoding, SourceLocation location)
    {
        Name = name;
        IsFieldsBlock = isFieldsBlock;
        Encoding = encoding;
        Location = location;
    }

    public string Name { get; }

    public bool IsFieldsBlock { get; }

    public (int Op0, int Op1, int CRn, int CRm, int Op2)? Encoding { get; }

    public SourceLocation Location { get; }

    /// <summary>The fields block this register takes its layout from (<c>Fields NAME</c>), if any.</summary>
    public string? FieldsFrom { get; set; }

    public List<SysregField> Fields { get; } = new();

    public ulong Res0 { get; set; }

    public ulong Res1 { get; set; }
}
