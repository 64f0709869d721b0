#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>
/// How a system-register encoding (op0, op1, CRn, CRm, op2) is held: packed into 16 bits as
/// <c>op0[15:14] op1[13:11] CRn[10:7] CRm[6:3] op2[2:0]</c> (the order encoding ranges use), and
/// as an ISS key, the fields where an EC 0x18 syndrome holds them: op0 [21:20], op2 [19:17],
/// op1 [16:14], CRn [13:10], CRm [4:1]. Lookup tables are keyed by the ISS key, so a decision
/// reads the encoding out of an ESR with one AND.
/// </summary>
public static class EncodingLayout
{
    /// <summary>The ISS bits that name a register (Rt [9:5] and the direction [0] excluded).</summary>
    public const uint IssKeyMask = 0x3F_FC1E;

    /// <summary>The ISS direction bit: 1 for a read (MRS), 0 for a write (MSR) or SYS.</summary>
    public const uint IssDirectionRead = 1;

    /// <summary>Largest value of each field, in the order op0, op1, CRn, CRm, op2.</summary>
    public static readonly int[] FieldMaxima = { 3, 7, 15, 15, 7 };

    /// <summary>Packs five fields that are within their ranges.</summary>
    public static ushort Pack(int op0, int op1, int crn, int crm, int op2) =>
        (ushort)((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2);

    /// <summary>op0 of a packed encoding.</summary>
    public static int Op0(ushort encoding) => (encoding >> 14) & 0x3;

    /// <summary>op1 of a packed encoding.</summary>
    public static int Op1(ushort encoding) => (encoding >> 11) & 0x7;

    /// <summary>CRn of a packed encoding.</summary>
    public static int CRn(ushort encoding) => (encoding >> 7) & 0xF;

    /// <summary>CRm of a packed encoding.</summary>
    public static int CRm(ushort encoding) => (encoding >> 3) & 0xF;

    /// <summary>op2 of a packed encoding.</summary>
    public static int Op2(ushort encoding) => encoding & 0x7;

    /// <summary>Field 0..4 (op0, op1, CRn, CRm, op2) of a packed encoding.</summary>
    public static int Field(ushort encoding, int field) => field switch
    {
        0 => Op0(encoding),
        1 => Op1(encoding),
        2 => CRn(encoding),
        3 => CRm(encoding),
        _ => Op2(encoding),
    };

    /// <summary>The ISS key of a packed encoding: op1 and CRn sit side by side in both layouts, so one shift moves them together.</summary>
    public static uint IssKey(ushort encoding)
    {
        uint value = encoding;
        return ((value & 0xC000) << 6) | ((value & 0x7) << 17) | ((value & 0x3F80) << 3) | ((value & 0x78) >> 2);
    }

    /// <summary>The packed encoding an ISS key names (bits outside <see cref="IssKeyMask"/> are ignored).</summary>
    public static ushort FromIssKey(uint issKey) =>
        (ushort)(((issKey >> 6) & 0xC000) | ((issKey >> 3) & 0x3F80) | ((issKey << 2) & 0x78) | ((issKey >> 17) & 0x7));

    /// <summary>The generic assembler name, <c>S3_0_C1_C0_0</c>.</summary>
    public static string GenericName(ushort encoding) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        "S{0}_{1}_C{2}_C{3}_{4}",
        Op0(encoding),
        Op1(encoding),
        CRn(encoding),
        CRm(encoding),
        Op2(encoding));
}
