using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Diagnostics;

/// <summary>Messages more than one phase reports, worded once so rule files and VM profiles read alike.</summary>
internal static class Messages
{
    /// <summary>NVT057: bits in both reserved masks of a register.</summary>
    public static string ReservedBitsOverlap(string register, ulong bits) =>
        $"Register '{register}' has bits {Invariant.Hex(bits)} in both 'res0' and 'res1'; a reserved bit reads as 0 or as 1, not both. Remove them from one of the two.";
}
