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
}
