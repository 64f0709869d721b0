using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace NvTrap.Benchmarks.Structures;

/// <summary>
/// A <see cref="FrozenDictionary{TKey, TValue}"/> from the configured encodings to their configs:
/// the library's read-optimized hash map, the obvious choice without a generator.
/// </summary>
internal readonly struct FrozenDictionaryLookup : IConfigLookup
{
    // static readonly: tier-1 code treats the reference as a constant, as it does the generated tables.
    private static readonly FrozenDictionary<ushort, ulong> Configs = LinuxConfigs.Configured().ToFrozenDictionary();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Lookup(ushort encoding) => Configs.TryGetValue(encoding, out ulong config) ? config : 0;
}
