namespace NvTrap.Testing;

/// <summary>
/// Register values for differential tests and benchmarks: all-zero, all-one, dense random or
/// sparse random (about one bit in eight), in equal measure, so every kind of control — set bits,
/// clear bits, multi-bit fields — is exercised in both outcomes.
/// </summary>
internal static class RandomRegisters
{
    public static ulong Next(Random random)
    {
        ulong Dense() => ((ulong)(uint)random.Next() << 33) ^ ((ulong)(uint)random.Next() << 2) ^ (uint)random.Next(4);
        return random.Next(4) switch
        {
            0 => 0,
            1 => ulong.MaxValue,
            2 => Dense(),
            _ => Dense() & Dense() & Dense(),
        };
    }

    /// <summary>
    /// HCR_EL2 as <see cref="Next"/> draws it, but with TGE (bit 27) set in one case in eight:
    /// TGE makes every access the guest hypervisor's own, so drawn like any other register it
    /// would make almost half the cases local before any trap control is read.
    /// </summary>
    public static ulong NextHcr(Random random)
    {
        const ulong tge = 1UL << 27;
        return random.Next(8) == 0 ? Next(random) | tge : Next(random) & ~tge;
    }
}
