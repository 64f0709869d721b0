namespace NvTrap.Compiler.Lowering;

/// <summary>
/// Table sizes: the perfect hash sizes its slots in powers of two, and the emitter pads tables to
/// one so indices can be masked instead of range-checked.
/// </summary>
internal static class PowerOfTwo
{
    /// <summary>The smallest <c>n</c> with <c>1 &lt;&lt; n &gt;= value</c> (0 for values up to 1).</summary>
    public static int CeilLog2(int value)
    {
        int bits = 0;
        while ((1 << bits) < value)
        {
            bits++;
        }

        return bits;
    }

    /// <summary>The smallest power of two that is at least <paramref name="count"/> (1 for 0).</summary>
    public static int AtLeast(int count) => 1 << CeilLog2(count);
}
