#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>Bit ranges of a 64-bit value, written <c>[hi:lo]</c> (inclusive) as the architecture does.</summary>
public static class BitField
{
    /// <summary>The mask of bits hi..lo in place; 0 &lt;= lo &lt;= hi &lt;= 63.</summary>
    public static ulong Mask(int hi, int lo) => (hi - lo >= 63 ? ulong.MaxValue : (1UL << (hi - lo + 1)) - 1) << lo;

    /// <summary>Bits hi..lo of <paramref name="value"/>, shifted down to bit 0.</summary>
    public static ulong Extract(ulong value, int hi, int lo) => (value >> lo) & (hi - lo >= 63 ? ulong.MaxValue : (1UL << (hi - lo + 1)) - 1);
}
