using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Binding;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// A collision-free hash from encodings to packed configs, found by hash-and-displace. Keys are
/// ISS keys (<see cref="EncodingMath.IssKey"/>: the encoding's fields where an ESR holds them), so
/// a decision looks up an ESR with one AND instead of repacking five fields. Hash-and-displace:
/// keys fall into buckets by one hash; each bucket gets the smallest displacement that sends all
/// its keys to free slots of a power-of-two table. A lookup is two dependent loads — the bucket's
/// displacement, then the slot — and the slot holds the key beside the config, so encodings that
/// were never configured are rejected by a compare, not a third load.
/// </summary>
internal sealed record PerfectHashTable(int BucketBits, int SlotBits, EquatableArray<ushort> Displacements, EquatableArray<ulong> Slots)
{
    /// <summary>One 64-bit multiply mixes the key; its top bits pick the bucket, middle bits the slot.</summary>
    public const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>Where the slot bits start in the mixed value: well below the bucket bits, well above the weakly mixed low bits.</summary>
    public const int SlotShift = 24;

    /// <summary>
    /// Tag stored in a slot's upper half: the key with bit 0 set. Bit 0 of an ISS key (the
    /// direction) is always clear, so the tag loses nothing and an empty slot (0) never matches.
    /// </summary>
    public static ulong Tag(uint key) => (ulong)(key | 1u) << 32;

    public static ulong Mix(uint key) => unchecked(key * Multiplier);

    public static int Bucket(ulong mixed, int bucketBits) => (int)(mixed >> (64 - bucketBits));

    /// <summary>
    /// The slot: middle bits of the mixed key XOR the bucket's displacement. Keys of one bucket
    /// differ in those bits, and XOR keeps them apart, so the search only has to find a
    /// displacement that moves the whole bucket onto free slots. No second multiply: the lookup's
    /// dependent chain is one multiply, two loads and a compare.
    /// </summary>
    public static int Slot(ulong mixed, ushort displacement, int slotBits) => (int)(((uint)(mixed >> SlotShift) ^ displacement) & ((1u << slotBits) - 1));

    /// <summary>The reference lookup by encoding.</summary>
    public ulong LookupEncoding(ushort encoding) => Lookup(EncodingMath.IssKey(encoding));

    /// <summary>The reference lookup by ISS key; generated code must agree with it for every key.</summary>
    public ulong Lookup(uint key)
    {
        if (Slots.Count == 0)
        {
            return 0;
        }

        ulong mixed = Mix(key);
        ushort displacement = Displacements[Bucket(mixed, BucketBits)];
        ulong entry = Slots[Slot(mixed, displacement, SlotBits)];
        return (entry & 0xFFFF_FFFF_0000_0000UL) == Tag(key) ? entry & 0xFFFF_FFFFUL : 0;
    }

    /// <summary>
    /// Builds the table deterministically: the same keys always give the same table. Returns
    /// null if no table was found (it then names the sizes tried in <paramref name="problem"/>).
    /// </summary>
    public static PerfectHashTable? Build(IReadOnlyList<KeyValuePair<uint, uint>> entries, out string? problem, int attempts = 6)
    {
        problem = null;
        if (entries.Count == 0)
        {
            return new PerfectHashTable(1, 1, new ushort[] { 0, 0 }.ToEquatableArray(), new ulong[] { 0, 0 }.ToEquatableArray());
        }

        // Aim for a load factor of at most 3/4 and about four keys per bucket; widen if needed.
        int slotBits = Math.Max(1, CeilLog2((entries.Count * 4 + 2) / 3));
        int bucketBits = Math.Max(1, CeilLog2(Math.Max(1, entries.Count / 4)));
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            var table = TryBuild(entries, bucketBits, slotBits);
            if (table is not null)
            {
                return table;
            }

            if (attempt % 2 == 0)
            {
                bucketBits = Math.Min(bucketBits + 1, 16);
            }
            else
            {
                slotBits = Math.Min(slotBits + 1, 17);
            }
        }

        problem = $"no displacement table found for {entries.Count} key{(entries.Count == 1 ? string.Empty : "s")} up to {1 << bucketBits} buckets and {1 << slotBits} slots";
        return null;
    }

    private static PerfectHashTable? TryBuild(IReadOnlyList<KeyValuePair<uint, uint>> entries, int bucketBits, int slotBits)
    {
        var buckets = new List<KeyValuePair<uint, uint>>[1 << bucketBits];
        foreach (var entry in entries)
        {
            int bucket = Bucket(Mix(entry.Key), bucketBits);
            (buckets[bucket] ??= new List<KeyValuePair<uint, uint>>()).Add(entry);
        }

        var displacements = new ushort[1 << bucketBits];
        var slots = new ulong[1 << slotBits];
        var taken = new bool[1 << slotBits];
        var order = Enumerable.Range(0, buckets.Length)
            .Where(b => buckets[b] is not null)
            .OrderByDescending(b => buckets[b].Count)
            .ThenBy(b => b);
        var candidate = new int[64];
        foreach (int b in order)
        {
            var keys = buckets[b];
            if (keys.Count > candidate.Length)
            {
                return null;
            }

            bool placed = false;
            for (int d = 0; d <= ushort.MaxValue && !placed; d++)
            {
                placed = true;
                for (int i = 0; i < keys.Count; i++)
                {
                    int slot = Slot(Mix(keys[i].Key), (ushort)d, slotBits);
                    if (taken[slot] || Array.IndexOf(candidate, slot, 0, i) >= 0)
                    {
                        placed = false;
                        break;
                    }

                    candidate[i] = slot;
                }

                if (placed)
                {
                    displacements[b] = (ushort)d;
                    for (int i = 0; i < keys.Count; i++)
                    {
                        taken[candidate[i]] = true;
                        slots[candidate[i]] = Tag(keys[i].Key) | keys[i].Value;
                    }
                }
            }

            if (!placed)
            {
                return null;
            }
        }

        return new PerfectHashTable(bucketBits, slotBits, displacements.ToEquatableArray(), slots.ToEquatableArray());
    }

    private static int CeilLog2(int value)
    {
        int bits = 0;
        while ((1 << bits) < value)
        {
            bits++;
        }

        return bits;
    }
}
