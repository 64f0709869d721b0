#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>
/// The packed trap configuration of one encoding, in the Linux kernel's layout: coarse group id
/// [9:0], fine-grained group [13:10], fine-grained bit [19:14], polarity [20] (the bit value that
/// traps), fine-grained filter [25:21], the kernel's system-register index [35:26] (never set by
/// NvTrap: its tables are the kernel's own), unused [62:36], and bit 63, which must be zero. A
/// config of 0 means "nothing known".
/// </summary>
public static class TrapConfigLayout
{
    /// <summary>Width of the coarse group id, at bit 0.</summary>
    public const int GroupBits = 10;

    /// <summary>Where the fine-grained group id starts.</summary>
    public const int FineGrainedGroupShift = 10;

    /// <summary>Width of the fine-grained group id.</summary>
    public const int FineGrainedGroupBits = 4;

    /// <summary>Where the fine-grained bit number starts.</summary>
    public const int BitShift = 14;

    /// <summary>Width of the fine-grained bit number.</summary>
    public const int BitBits = 6;

    /// <summary>The polarity bit: 1 when the fine-grained bit traps when set.</summary>
    public const int PolarityShift = 20;

    /// <summary>Where the fine-grained filter id starts (0 means no filter).</summary>
    public const int FilterShift = 21;

    /// <summary>Width of the fine-grained filter id.</summary>
    public const int FilterBits = 5;

    /// <summary>Bits NvTrap uses, from bit 0; configs in a lookup table are stored in 32 bits.</summary>
    public const int UsedBits = 26;

    /// <summary>Bit 63 must be zero (the kernel loses it when storing the config in an xarray).</summary>
    public const ulong MustBeZero = 1UL << 63;

    /// <summary>Every bit no field uses.</summary>
    public const ulong UnusedMask = ~((1UL << UsedBits) - 1);

    /// <summary>The coarse group id, 0 if none.</summary>
    public static int Group(ulong config) => (int)(config & ((1UL << GroupBits) - 1));

    /// <summary>The fine-grained group id, 0 if none.</summary>
    public static int FineGrainedGroup(ulong config) => (int)((config >> FineGrainedGroupShift) & ((1UL << FineGrainedGroupBits) - 1));

    /// <summary>The fine-grained bit number.</summary>
    public static int Bit(ulong config) => (int)((config >> BitShift) & ((1UL << BitBits) - 1));

    /// <summary>1 when the fine-grained bit traps when set, 0 when it traps when clear.</summary>
    public static int Polarity(ulong config) => (int)((config >> PolarityShift) & 1);

    /// <summary>The filter that may switch the fine-grained entry off, 0 if none.</summary>
    public static int Filter(ulong config) => (int)((config >> FilterShift) & ((1UL << FilterBits) - 1));

    /// <summary>
    /// Packs the fields, or returns null and says which field does not fit its width. The
    /// arguments are wide so an out-of-range value is reported rather than truncated.
    /// </summary>
    public static ulong? TryPack(long group, long fineGrainedGroup, long bit, long polarity, long filter, out string? problem)
    {
        problem = Field(group, GroupBits, "group id", "[9:0]")
            ?? Field(fineGrainedGroup, FineGrainedGroupBits, "fine-grained group", "[13:10]")
            ?? Field(bit, BitBits, "fine-grained bit", "[19:14]")
            ?? Field(polarity, 1, "polarity", "[20]")
            ?? Field(filter, FilterBits, "fine-grained filter", "[25:21]");
        if (problem is not null)
        {
            return null;
        }

        ulong packed = (ulong)group
            | ((ulong)fineGrainedGroup << FineGrainedGroupShift)
            | ((ulong)bit << BitShift)
            | ((ulong)polarity << PolarityShift)
            | ((ulong)filter << FilterShift);
        return Validate(packed, out problem) ? packed : null;
    }

    /// <summary>Checks a packed value: bit 63 clear and no unused bit set.</summary>
    public static bool Validate(ulong packed, out string? problem)
    {
        problem = (packed & MustBeZero) != 0
            ? "bit 63 (must be zero) is set"
            : (packed & UnusedMask) != 0 ? "a bit no field uses is set" : null;
        return problem is null;
    }

    private static string? Field(long value, int bits, string name, string where) =>
        value < 0 || value >= (1L << bits) ? $"{name} {value} does not fit the {bits}-bit field {where}" : null;
}
