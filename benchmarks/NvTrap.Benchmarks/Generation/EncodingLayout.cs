namespace NvTrap.Benchmarks.Generation;

/// <summary>
/// Where a synthetic ruleset's entries sit in the 65,536-encoding space: single coarse entries,
/// coarse ranges and fine-grained-only encodings, none overlapping, shuffled together and spread
/// over the whole space with random gaps between them. Range sizes are drawn from an exponential
/// distribution, so a few ranges are large and most are small, as in the Linux rules (whose
/// largest ranges cover the implementation-defined and debug spaces).
/// </summary>
internal sealed class EncodingLayout
{
    private EncodingLayout(List<ushort> singles, List<(ushort First, ushort Last)> ranges, List<ushort> fineGrainedOnly)
    {
        Singles = singles;
        Ranges = ranges;
        FineGrainedOnly = fineGrainedOnly;
    }

    /// <summary>Encodings of single coarse entries, ascending.</summary>
    public IReadOnlyList<ushort> Singles { get; }

    /// <summary>Coarse ranges, inclusive, ascending.</summary>
    public IReadOnlyList<(ushort First, ushort Last)> Ranges { get; }

    /// <summary>Encodings with a fine-grained entry and no coarse one, ascending.</summary>
    public IReadOnlyList<ushort> FineGrainedOnly { get; }

    public static EncodingLayout Create(RulesetShape shape, Random random)
    {
        int singles = shape.CoarseEntries - shape.CoarseRanges;
        int inRanges = shape.ConfiguredEncodings - singles - shape.FineGrainedOnlyEncodings;
        var rangeSizes = Partition(inRanges, shape.CoarseRanges, minimum: 2, random);

        // Items: 0 = single, 1 = fine-grained only, 2 + i = range i.
        var items = Enumerable.Repeat(0, singles)
            .Concat(Enumerable.Repeat(1, shape.FineGrainedOnlyEncodings))
            .Concat(Enumerable.Range(2, shape.CoarseRanges))
            .OrderBy(_ => random.Next())
            .ToList();
        var gaps = Partition(65536 - shape.ConfiguredEncodings, items.Count + 1, minimum: 0, random);

        var singleList = new List<ushort>();
        var fineOnly = new List<ushort>();
        var ranges = new List<(ushort, ushort)>();
        int next = gaps[0];
        for (int i = 0; i < items.Count; i++)
        {
            int item = items[i];
            if (item == 0)
            {
                singleList.Add((ushort)next++);
            }
            else if (item == 1)
            {
                fineOnly.Add((ushort)next++);
            }
            else
            {
                int size = rangeSizes[item - 2];
                ranges.Add(((ushort)next, (ushort)(next + size - 1)));
                next += size;
            }

            next += gaps[i + 1];
        }

        if (next != 65536)
        {
            throw new InvalidOperationException($"Layout ended at {next}, not at the end of the encoding space.");
        }

        return new EncodingLayout(singleList, ranges, fineOnly);
    }

    /// <summary>Splits <paramref name="total"/> into <paramref name="parts"/> parts of at least <paramref name="minimum"/>, exponentially distributed.</summary>
    private static int[] Partition(int total, int parts, int minimum, Random random)
    {
        var sizes = Enumerable.Repeat(minimum, parts).ToArray();
        int spare = total - minimum * parts;
        if (spare < 0 || parts == 0)
        {
            return parts == 0 && total == 0 ? sizes : throw new InvalidOperationException($"{total} cannot be split into {parts} parts of at least {minimum}.");
        }

        var weights = Enumerable.Range(0, parts).Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
        double sum = weights.Sum();
        int given = 0;
        for (int i = 0; i < parts; i++)
        {
            int share = (int)(spare * weights[i] / sum);
            sizes[i] += share;
            given += share;
        }

        // Rounding leaves a few over: hand them out one each.
        for (int i = 0; given < spare; i = (i + 1) % parts, given++)
        {
            sizes[i]++;
        }

        return sizes;
    }
}
