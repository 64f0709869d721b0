using System.Collections.Generic;
using System.Linq;
using System;
using NvTrap.Compiler.Contract;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// Finds the lookup table of <see cref="TableLayout.Lookup"/>: a displacement per bucket that
/// moves the bucket's keys onto free slots. Keys of a bucket differ only in CRm, and the slot
/// function is a bijection on them for any displacement, so the search only has to pick, per
/// bucket, a 16-slot window and an order within it. No multiply: the lookup's dependent chain is
/// a shift, two loads and a compare (a mixing hash's multiply measured 5-10% of a decision).
/// Deterministic: the same keys always give the same table.
/// </summary>
internal static class PerfectHashBuilder
{
    /// <summary>A bucket's keys differ in CRm: 16 slots, a window the displacement moves them to.</summary>
    private const int WindowSize = 16;

    /// <summary>
    /// Builds the table for <paramref name="entries"/> (ISS key, config). Returns null if none was
    /// found within <paramref name="attempts"/> sizes, and names the sizes tried in <paramref name="problem"/>.
    /// </summary>
    public static (int SlotBits, ushort[] Displacements, ulong[] Slots)? Build(IReadOnlyList<KeyValuePair<uint, uint>> entries, out string? problem, int attempts = 6)
    {
        problem = null;

        // Aim for a load factor of at most 3/4; a window's 16 slots are the least a table holds.
        int slotBits = Math.Max(4, Math.Min(TableLayout.Lookup.MaxSlotBits, PowerOfTwo.CeilLog2((entries.Count * 4 + 2) / 3)));
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            var table = TryBuild(entries, slotBits);
            if (table is not null)
            {
                return table;
            }

            if (slotBits == TableLayout.Lookup.MaxSlotBits)
            {
                break;
            }

            slotBits++;
        }

        problem = $"no displacement table found for {entries.Count} key{(entries.Count == 1 ? string.Empty : "s")} up to {1 << slotBits} slots";
        return null;
    }

    private static (int, ushort[], ulong[])? TryBuild(IReadOnlyList<KeyValuePair<uint, uint>> entries, int slotBits)
    {
        var buckets = new List<KeyValuePair<uint, uint>>[TableLayout.Lookup.BucketCount];
        foreach (var entry in entries)
        {
            (buckets[TableLayout.Lookup.Bucket(entry.Key)] ??= new List<KeyValuePair<uint, uint>>()).Add(entry);
        }

        int slotCount = 1 << slotBits;
        int slotMask = slotCount - 1;
        int windows = slotCount / WindowSize;
        var displacements = new ushort[TableLayout.Lookup.BucketCount];
        var slots = new ulong[slotCount];
        var taken = new bool[slotCount];
        var free = Enumerable.Repeat(WindowSize, windows).ToArray();
        var order = Enumerable.Range(0, TableLayout.Lookup.BucketCount)
            .Where(b => buckets[b] is not null)
            .OrderByDescending(b => buckets[b].Count)
            .ThenBy(b => b);
        foreach (int b in order)
        {
            var keys = buckets[b];
            if (!Place(keys, slotMask, windows, taken, free, out ushort displacement))
            {
                return null;
            }

            displacements[b] = displacement;
            foreach (var key in keys)
            {
                int slot = TableLayout.Lookup.Slot(key.Key, displacement, slotMask);
                taken[slot] = true;
                free[slot / WindowSize]--;
                slots[slot] = TableLayout.Lookup.Entry(key.Key, key.Value);
            }
        }

        return (slotBits, displacements, slots);
    }

    /// <summary>
    /// The first window, and the first order within it, that puts every key of a bucket on a
    /// free slot. The keys' shared high bits and the displacement's high bits choose the window;
    /// the displacement's low four bits permute the window.
    /// </summary>
    private static bool Place(List<KeyValuePair<uint, uint>> keys, int slotMask, int windows, bool[] taken, int[] free, out ushort displacement)
    {
        uint home = ((keys[0].Key >> 1) & (uint)slotMask) & ~(uint)(WindowSize - 1);
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
                    if (taken[TableLayout.Lookup.Slot(key.Key, displacement, slotMask)])
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
