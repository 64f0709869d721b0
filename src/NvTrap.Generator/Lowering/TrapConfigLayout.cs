namespace NvTrap.Compiler.Lowering;

/// <summary>
/// The kernel's packed trap configuration: group id [9:0], fine-grained group [13:10],
/// fine-grained bit [19:14], polarity [20], unused [62:21] (zero), bit 63 must be zero.
/// </summary>
internal static class TrapConfigLayout
{
    public const int GroupBits = 10;
    public const int FineGrainedGroupShift = 10;
    public const int FineGrainedGroupBits = 4;
    public const int BitShift = 14;
    public const int BitBits = 6;
    public const int PolarityShift = 20;
    public const ulong MustBeZero = 1UL << 63;

    /// <summary>Bits no field uses: [62:21] and the MBZ bit.</summary>
    public const ulong UnusedMask = ~((1UL << 21) - 1);

    /// <summary>
    /// Packs the fields; returns null (and says why) when a field does not fit its width or the
    /// result has bit 63 or an unused bit set.
    /// </summary>
    public static ulong? TryPack(long group, long fineGrainedGroup, long bit, long polarity, out string? problem)
    {
        problem = null;
        if (group < 0 || group >= (1L << GroupBits))
        {
            problem = $"group id {group} does not fit the {GroupBits}-bit field [9:0]";
        }
        else if (fineGrainedGroup < 0 || fineGrainedGroup >= (1L << FineGrainedGroupBits))
        {
            problem = $"fine-grained group {fineGrainedGroup} does not fit the {FineGrainedGroupBits}-bit field [13:10]";
        }
        else if (bit < 0 || bit >= (1L << BitBits))
        {
            problem = $"fine-grained bit {bit} does not fit the {BitBits}-bit field [19:14]";
        }
        else if (polarity is < 0 or > 1)
        {
            problem = $"polarity {polarity} does not fit the 1-bit field [20]";
        }

        if (problem is not null)
        {
            return null;
        }

        ulong packed = (ulong)group
            | ((ulong)fineGrainedGroup << FineGrainedGroupShift)
            | ((ulong)bit << BitShift)
            | ((ulong)polarity << PolarityShift);
        return Validate(packed, out problem) ? packed : null;
    }

    /// <summary>Checks a packed value: MBZ clear and no unused bit set.</summary>
    public static bool Validate(ulong packed, out string? problem)
    {
        problem = (packed & MustBeZero) != 0
            ? "bit 63 (must be zero) is set"
            : (packed & UnusedMask) != 0 ? "an unused bit in [62:21] is set" : null;
        return problem is null;
    }

    public static int Group(ulong config) => (int)(config & ((1UL << GroupBits) - 1));

    public static int FineGrainedGroup(ulong config) => (int)((config >> FineGrainedGroupShift) & ((1UL << FineGrainedGroupBits) - 1));

    public static int Bit(ulong config) => (int)((config >> BitShift) & ((1UL << BitBits) - 1));

    public static int Polarity(ulong config) => (int)((config >> PolarityShift) & 1);
}
