using System.Runtime.CompilerServices;

#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>
/// The operations of the rule expression language whose meaning C# does not already give:
/// values are unsigned 64-bit, truth is 0 or 1, and a shift by 64 or more gives 0. Generated
/// condition code calls these, and the compiler's evaluator (which the <c>nvtrap</c> tool
/// interprets rules with) calls the same methods, so the two cannot disagree.
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

    /// <summary>Logical not: 1 for 0, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Not(ulong value) => value == 0 ? 1UL : 0UL;

    /// <summary>Number of set bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong PopCount(ulong value)
    {
#if NETCOREAPP3_0_OR_GREATER
        return (ulong)System.Numerics.BitOperations.PopCount(value);
#else
        ulong count = 0;
        for (; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
#endif
    }

    /// <summary>The smaller value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Min(ulong a, ulong b) => a < b ? a : b;

    /// <summary>The larger value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Max(ulong a, ulong b) => a > b ? a : b;

    /// <summary>Bits hi..lo of a value, shifted down.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong value, int hi, int lo) => BitField.Extract(value, hi, lo);
}
