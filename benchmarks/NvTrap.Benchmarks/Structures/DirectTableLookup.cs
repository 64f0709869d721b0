using System.Runtime.CompilerServices;

namespace NvTrap.Benchmarks.Structures;

/// <summary>
/// A direct 65,536-entry table indexed by the encoding: one load, no hash, no key check — the
/// lookup's physical limit, paid for with 512 KiB: ten times the L1 data cache, half the L2.
/// </summary>
internal readonly struct DirectTableLookup : IConfigLookup
{
    private static readonly ulong[] Configs = LinuxConfigs.All();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Lookup(ushort encoding) => Configs[encoding];
}
