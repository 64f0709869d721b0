using System.Numerics;
using System.Runtime.CompilerServices;

namespace NvTrap;

/// <summary>
/// The operations of the rule expression language with its exact semantics (unsigned 64-bit,
/// shifts by 64 or more give 0). Generated condition code calls these so that compiled and
/// interpreted conditions agree.
/// </summary>
public static class ExpressionOps
{
    /// <summary>Left shift; 0 when the count is 64 or more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Shl(ulong value, ulong count) => count >= 64 ? 0 : value << (int)count;

    /// <summary>Logical right shift; 0 when the count is 64 or more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Shr(ulong value, ulong count) => count >= 64 ? 0 : value >> (int)count;

    /// <summary>1 for true, 0 for false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Truth(bool value) => value ? 1UL : 0UL;

    /// <summary>Number of set bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong PopCount(ulong value) => (ulong)BitOperations.PopCount(value);

    /// <summary>Bits hi..lo of a value, shifted down.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong value, int hi, int lo) => (value >> lo) & (hi - lo >= 63 ? ulong.MaxValue : (1UL << (hi - lo + 1)) - 1);
}
