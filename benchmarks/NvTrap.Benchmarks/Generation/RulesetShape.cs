using NvTrap.Compiler.Lowering;

namespace NvTrap.Benchmarks.Generation;

/// <summary>
/// How much a ruleset holds: the figures a synthetic ruleset scales from the Linux one, each
/// multiplied by the scale and then capped by what the language and the encoding space allow.
/// </summary>
internal sealed record RulesetShape(
    int Scale,
    int Controls,
    int Combinations,
    int Conditions,
    int ControlRegisters,
    int FineGrainedGroups,
    int CoarseEntries,
    int CoarseRanges,
    int FineGrainedEntries,
    int FineGrainedOnlyEncodings,
    int ConfiguredEncodings)
{
    /// <summary>Group ids are 10 bits and 0 means none.</summary>
    public const int MaxGroups = 1023;

    /// <summary>Fine-grained group ids are 4 bits and 0 means none.</summary>
    public const int MaxFineGrainedGroups = 15;

    /// <summary>The capacity of the runtime's VcpuState.</summary>
    public const int MaxRegisters = 32;

    /// <summary>
    /// At most this share of the 65,536 encodings is configured, so ranges and single entries
    /// still have gaps between them (as real rules do) and no entry has to be squeezed.
    /// </summary>
    public const double MaxSpaceShare = 0.97;

    public int Groups => Controls + Combinations + Conditions;

    /// <summary>
    /// As in Linux (HFGxTR: a read and a write register; HFGITR: one for both), one fine-grained
    /// group in three has a read/write pair and the others one register for both directions.
    /// </summary>
    public static int PairedFineGrainedGroups(int fineGrainedGroups) => (fineGrainedGroups + 2) / 3;

    public static int FineGrainedRegistersFor(int fineGrainedGroups) => fineGrainedGroups + PairedFineGrainedGroups(fineGrainedGroups);

    /// <summary>The Linux ruleset's shape, read from the compiler's own counts.</summary>
    public static RulesetShape Of(LoweredRuleset linux)
    {
        var c = linux.Counts;
        int fineGrainedGroups = linux.FineGrainedGroups.Count;
        int controlRegisters = linux.Registers.Count - FineGrainedRegistersFor(fineGrainedGroups);
        return new RulesetShape(1, c.Controls, c.Combinations, c.Conditions, controlRegisters, fineGrainedGroups,
            c.CoarseEntries, c.CoarseRanges, c.FineGrainedEntries, c.EncodingsWithOnlyFineGrained, c.ConfiguredEncodings);
    }

    /// <summary>
    /// This shape times <paramref name="scale"/>, capped: groups at 1,023 (kinds keep their
    /// proportions), fine-grained groups at 15, registers at 32 in all, configured encodings at
    /// 97% of the space. Entries scale fully as long as they fit.
    /// </summary>
    public RulesetShape Times(int scale)
    {
        double groupShare = Math.Min(1.0, MaxGroups / (double)(Groups * scale));
        int conditions = Math.Max(1, (int)Math.Round(Conditions * scale * groupShare));
        int combinations = Math.Max(1, (int)Math.Round(Combinations * scale * groupShare));
        int controls = Math.Min(Controls * scale, MaxGroups - conditions - combinations);
        int fineGrainedGroups = Math.Min(FineGrainedGroups * scale, MaxFineGrainedGroups);

        int controlRegisters = Math.Min(ControlRegisters * scale, MaxRegisters - FineGrainedRegistersFor(fineGrainedGroups));
        int configured = Math.Min(ConfiguredEncodings * scale, (int)(MaxSpaceShare * 65536));
        int ranges = CoarseRanges * scale;
        int singles = CoarseEntries * scale - ranges;
        int fineOnly = FineGrainedOnlyEncodings * scale;

        // Each range covers at least two encodings.
        if (singles + fineOnly + 2 * ranges > configured)
        {
            throw new InvalidOperationException($"x{scale}: {singles} single entries, {fineOnly} fine-grained-only encodings and {ranges} ranges do not fit in {configured} encodings.");
        }

        return new RulesetShape(scale, controls, combinations, conditions, controlRegisters, fineGrainedGroups,
            CoarseEntries * scale, ranges, FineGrainedEntries * scale, fineOnly, configured);
    }
}
