using System;
using System.Globalization;

namespace NvTrap;

/// <summary>
/// An exception syndrome (ESR_EL2) value. For EC 0x18 — a trapped MSR, MRS or SYS instruction —
/// the ISS holds Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5], CRm [4:1] and the
/// direction [0] (1 = read/MRS, 0 = write/MSR).
/// </summary>
public readonly struct Esr : IEquatable<Esr>
{
    /// <summary>The exception class of a trapped MSR, MRS or System instruction.</summary>
    public const uint SysRegTrapClass = 0x18;

    /// <summary>Wraps a raw ESR value.</summary>
    public Esr(ulong value) => Value = value;

    /// <summary>The raw value.</summary>
    public ulong Value { get; }

    /// <summary>Exception class, ESR[31:26].</summary>
    public uint ExceptionClass => (uint)(Value >> 26) & 0x3F;

    /// <summary>Instruction length bit, ESR[25] (1 for a 32-bit instruction).</summary>
    public bool InstructionLength32 => ((Value >> 25) & 1) != 0;

    /// <summary>Instruction-specific syndrome, ESR[24:0].</summary>
    public uint Iss => (uint)Value & 0x1FF_FFFF;

    /// <summary>Whether this is an EC 0x18 system-register trap.</summary>
    public bool IsSysRegTrap => (Value & (0x3FUL << 26)) == (SysRegTrapClass << 26);

    /// <summary>Op0, ISS[21:20] (meaningful for EC 0x18).</summary>
    public int Op0 => (int)(Iss >> 20) & 0x3;

    /// <summary>Op2, ISS[19:17].</summary>
    public int Op2 => (int)(Iss >> 17) & 0x7;

    /// <summary>Op1, ISS[16:14].</summary>
    public int Op1 => (int)(Iss >> 14) & 0x7;

    /// <summary>CRn, ISS[13:10].</summary>
    public int CRn => (int)(Iss >> 10) & 0xF;

    /// <summary>Rt, ISS[9:5]: the general-purpose register transferred.</summary>
    public int Rt => (int)(Iss >> 5) & 0x1F;

    /// <summary>CRm, ISS[4:1].</summary>
    public int CRm => (int)(Iss >> 1) & 0xF;

    /// <summary>Direction, ISS[0]: true for a read (MRS), false for a write (MSR) or SYS.</summary>
    public bool IsRead => (Iss & 1) != 0;

    /// <summary>
    /// The ISS bits that name the accessed register (op0, op2, op1, CRn, CRm in place; Rt and the
    /// direction cleared): one AND, and what generated rulesets look encodings up by.
    /// </summary>
    public uint IssKey => (uint)Value & SysRegEncoding.IssKeyMask;

    /// <summary>The accessed encoding, the ISS fields repacked (see <see cref="SysRegEncoding.FromIssKey"/>).</summary>
    public SysRegEncoding Encoding => SysRegEncoding.FromIssKey((uint)Value);

    /// <summary>Builds the ESR of an EC 0x18 trap for an access to <paramref name="encoding"/>.</summary>
    public static Esr ForSysRegAccess(SysRegEncoding encoding, bool isRead, int rt = 0, bool instructionLength32 = true)
    {
        if ((uint)rt > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(rt), rt, "Rt must be 0..31.");
        }

        ulong iss = ((ulong)encoding.Op0 << 20)
            | ((ulong)encoding.Op2 << 17)
            | ((ulong)encoding.Op1 << 14)
            | ((ulong)encoding.CRn << 10)
            | ((ulong)rt << 5)
            | ((ulong)encoding.CRm << 1)
            | (isRead ? 1UL : 0UL);
        return new Esr(((ulong)SysRegTrapClass << 26) | (instructionLength32 ? 1UL << 25 : 0) | iss);
    }

    /// <inheritdoc />
    public bool Equals(Esr other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Esr other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The raw value in hex.</summary>
    public override string ToString() => "0x" + Value.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>Equality.</summary>
    public static bool operator ==(Esr left, Esr right) => left.Value == right.Value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(Esr left, Esr right) => left.Value != right.Value;
}
