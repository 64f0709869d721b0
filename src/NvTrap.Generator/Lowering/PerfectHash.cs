using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Binding;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// A collision-free hash from encodings to packed configs, found by hash-and-displace over ISS
/// keys (<see cref="EncodingMath.IssKey"/>: the encoding's fields where an ESR holds them), so a
/// decision looks an ESR up with one AND instead of repacking five fields.
/// </summary>
/// <remarks>
/// <para>
/// The bucket is the key's op0, op2, op1 and CRn (ISS bits [21:10]): keys of one bucket differ
/// only in CRm (bits [4:1]). The slot is <c>((key &gt;&gt; 1) ^ displacement) &amp; mask</c>, a
/// bijection on a bucket's keys, so the search only has to find, per bucket, a displacement that
/// moves its keys onto free slots: it picks a 16-slot window and an order within it. No multiply:
/// the lookup's dependent chain is a shift, two loads and a compare, the shortest a key-checked
/// two-load hash allows (the multiply of a mixing hash measured 5-10% of a whole decision).
/// </para>
/// <para>
/// A lookup is two dependent loads — the bucket's displacement, then the slot — and the slot holds
/// the key beside the config, so an encoding that was never configured is rejected by a compare.
/// An empty slot holds key 0 and config 0: matching it reports "no configuration", which is right.
/// </para>
/// </remarks>
internal sealed record PerfectHashTable(int SlotBits, EquatableArray<ushort> Displacements, EquatableArray<ulong> Slots)
{
    /// <summary>Buckets are ISS bits [21:10]: 4,096 of them, whatever the ruleset.</summary>
    public const int BucketShift = 10;

    public const int BucketCount = 1 << 12;

    /// <summary>A bucket's keys differ in CRm: 16 slots, a window the displacement moves them to.</summary>
    private const int WindowSize = 16;

    /// <summary>65,536 slots hold any set of encodings; a displacement is 16 bits.</summary>
    private const int MaxSlotBits = 16;

    public static int Bucket(uint key) => (int)(key >> BucketShift);

    public static int Slot(uint key, ushort displacement, int slotBits) => (int)(((key >> 1) ^ displacement) & ((1u << slotBits) - 1));

    /// <summary>A slot's upper half is its key (0 in an empty slot); the lower half its config.</summary>
    public static ulong Entry(uint key, uint config) => ((ulong)key << 32) | config;

    /// <summary>The reference lookup by encoding.</summary>
    public ulong LookupEncoding(ushort encoding) => Lookup(EncodingMath.IssKey(encoding));

    /// <summary>The reference lookup by ISS key; generated code must agree with it for every key.</summary>
    public ulong Lookup(uint key)
    {
        ulong entry = Slots[Slot(key, Displacements[Bucket(key)], SlotBits)];
        return (uint)(entry >> 32) == key ? entry & 0xFFFF_FFFFUL : 0;
    }

    /// <summary>
    /// Builds the table deterministically: the same keys always give the same table. Returns
    /// null if no table was found (it then names the sizes tried in <paramref name="problem"/>).
    /// </summary>
    public static PerfectHashTable? Build(IReadOnlyList<KeyValuePair<uint, uint>> entries, out string? problem, int attempts = 6)
    {
        problem = null;

        // Aim for a load factor of at most 3/4; a window's 16 slots are the least a table holds.
        int slotBits = Math.Max(4, Math.Min(MaxSlotBits, PowerOfTwo.CeilLog2((entries.Count * 4 + 2) / 3)));
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            var table = TryBuild(entries, slotBits);
            if (table is not null)
            {
                return table;
            }

            if (slotBits == MaxSlotBits)
            {
                break;
            }

            slotBits++;
        }

        problem = $"no displacement table found for {entries.Count} key{(entries.Count == 1 ? string.Empty : "s")} up to {1 << slotBits} slots";
        return null;
    }

    private static PerfectHashTable? TryBuild(IReadOnlyList<KeyValuePair<uint, uint>> entries, int slotBits)
    {
        var buckets = new List<KeyValuePair<uint, uint>>[BucketCount];
        foreach (var entry in entries)
        {
            (buckets[Bucket(entry.Key)] ??= new List<KeyValuePair<uint, uint>>()).Add(entry);
        }

        int slotCount = 1 << slotBits;
        int windows = slotCount / WindowSize;
        var displacements = new ushort[BucketCount];
        var slots = new ulong[slotCount];
        var taken = new bool[slotCount];
        var free = Enumerable.Repeat(WindowSize, windows).ToArray();
        var order = Enumerable.Range(0, BucketCount)
            .Where(b => buckets[b] is not null)
            .OrderByDescending(b => buckets[b].Count)
            .ThenBy(b => b);
        foreach (int b in order)
        {
            var keys = buckets[b];
            if (!Place(keys, slotBits, windows, taken, free, out ushort displacement))
            {
                return null;
            }

            displacements[b] = displacement;
            foreach (var key in keys)
            {
                int slot = Slot(key.Key, displacement, slotBits);
                taken[slot] = true;
                free[slot / WindowSize]--;
                slots[slot] = Entry(key.Key, key.Value);
            }
        }

        return new PerfectHashTable(slotBits, displacements.ToEquatableArray(), slots.ToEquatableArray());
    }

    /// <summary>
    /// The first window, and the first order within it, that puts every key of a bucket on a
    /// free slot. The keys' shared high bits and the displacement's high bits choose the window;
    /// the displacement's low four bits permute the window.
    /// </summary>
    private static bool Place(List<KeyValuePair<uint, uint>> keys, int slotBits, int windows, bool[] taken, int[] free, out ushort displacement)
    {
        uint mask = (1u << slotBits) - 1;
        uint home = ((keys[0].Key >> 1) & mask) & ~(uint)(WindowSize - 1);
        for (int window = 0; window < windows; window++)
        {
            if (free[window] < keys.Count)
            {
                continue;
            }

            uint high = home ^ (uint)(window * WindowSize);
            for (uint low = 0; low < WindowSize; low++)
            {
                displacement = (ushort)(high | low);
                bool fits = true;
                foreach (var key in keys)
                {
                    if (taken[Slot(key.Key, displacement, slotBits)])
                    {
                        fits = false;
                        break;
                    }
                }

                if (fits)
                {
                    return true;
                }
            }
        }

        displacement = 0;
        return false;
    }
}
