using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NvTrap;

/// <summary>
/// A system-register or system-instruction encoding: the five fields op0, op1, CRn, CRm, op2
/// packed into 16 bits as <c>op0[15:14] op1[13:11] CRn[10:7] CRm[6:3] op2[2:0]</c>. Ordered by
/// that packed value, which is the order encoding ranges use.
/// </summary>
public readonly struct SysRegEncoding : IEquatable<SysRegEncoding>, IComparable<SysRegEncoding>
{
    /// <summary>Creates an encoding from its packed 16-bit value.</summary>
    public SysRegEncoding(ushort value) => Value = value;

    /// <summary>The packed 16-bit value.</summary>
    public ushort Value { get; }

    /// <summary>op0, 0..3.</summary>
    public int Op0 => (Value >> 14) & 0x3;

    /// <summary>op1, 0..7.</summary>
    public int Op1 => (Value >> 11) & 0x7;

    /// <summary>CRn, 0..15.</summary>
    public int CRn => (Value >> 7) & 0xF;

    /// <summary>CRm, 0..15.</summary>
    public int CRm => (Value >> 3) & 0xF;

    /// <summary>op2, 0..7.</summary>
    public int Op2 => Value & 0x7;

    /// <summary>
    /// The bits of an EC 0x18 ISS that name a register: op0 [21:20], op2 [19:17], op1 [16:14],
    /// CRn [13:10], CRm [4:1]; Rt and the direction are excluded (see <see cref="Esr.IssKey"/>).
    /// </summary>
    public const uint IssKeyMask = 0x3F_FC1E;

    /// <summary>
    /// This encoding's fields where an EC 0x18 ISS holds them (Rt and direction zero): the key a
    /// generated ruleset hashes, so a decision never has to repack the ESR's fields.
    /// </summary>
    public uint IssKey
    {
        get
        {
            uint value = Value;
            // op1 and CRn sit side by side in both layouts, so one shift moves them together.
            return ((value & 0xC000) << 6) | ((value & 0x7) << 17) | ((value & 0x3F80) << 3) | ((value & 0x78) >> 2);
        }
    }

    /// <summary>The encoding an ISS key names (bits outside <see cref="IssKeyMask"/> are ignored).</summary>
    public static SysRegEncoding FromIssKey(uint issKey) =>
        new((ushort)(((issKey >> 6) & 0xC000) | ((issKey >> 3) & 0x3F80) | ((issKey << 2) & 0x78) | ((issKey >> 17) & 0x7)));

    /// <summary>Packs the five fields; throws if one is out of its range.</summary>
    public static SysRegEncoding Create(int op0, int op1, int crn, int crm, int op2)
    {
        Check(op0, 3, nameof(op0));
        Check(op1, 7, nameof(op1));
        Check(crn, 15, nameof(crn));
        Check(crm, 15, nameof(crm));
        Check(op2, 7, nameof(op2));
        return new SysRegEncoding((ushort)((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2));
    }

    /// <summary>Parses the generic assembler name, e.g. <c>S3_0_C1_C0_0</c>.</summary>
    public static SysRegEncoding Parse(string text) =>
        TryParse(text, out var encoding) ? encoding : throw new FormatException($"'{text}' is not an encoding of the form S<op0>_<op1>_C<CRn>_C<CRm>_<op2> with fields in range.");

    /// <summary>Parses the generic assembler name, e.g. <c>S3_0_C1_C0_0</c> (case-insensitive).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SysRegEncoding encoding)
    {
        encoding = default;
        if (text is null)
        {
            return false;
        }

        var parts = text.Split('_');
        if (parts.Length != 5
            || !TryField(parts[0], 'S', 3, out int op0)
            || !TryField(parts[1], null, 7, out int op1)
            || !TryField(parts[2], 'C', 15, out int crn)
            || !TryField(parts[3], 'C', 15, out int crm)
            || !TryField(parts[4], null, 7, out int op2))
        {
            return false;
        }

        encoding = Create(op0, op1, crn, crm, op2);
        return true;
    }

    private static bool TryField(string part, char? prefix, int max, out int value)
    {
        value = 0;
        ReadOnlySpan<char> digits = part;
        if (prefix is char p)
        {
            if (digits.Length == 0 || char.ToUpperInvariant(digits[0]) != p)
            {
                return false;
            }

            digits = digits[1..];
        }

        if (digits.Length == 0 || digits.Length > 2)
        {
            return false;
        }

        foreach (char c in digits)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        value = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return value <= max;
    }

    private static void Check(int value, int max, string name)
    {
        if ((uint)value > (uint)max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be 0..{max}.");
        }
    }

    /// <summary>The generic assembler name, e.g. <c>S3_0_C1_C0_0</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"S{Op0}_{Op1}_C{CRn}_C{CRm}_{Op2}");

    /// <inheritdoc />
    public bool Equals(SysRegEncoding other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SysRegEncoding other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <inheritdoc />
    public int CompareTo(SysRegEncoding other) => Value.CompareTo(other.Value);

    /// <summary>Equality.</summary>
    public static bool operator ==(SysRegEncoding left, SysRegEncoding right) => left.Value == right.Value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(SysRegEncoding left, SysRegEncoding right) => left.Value != right.Value;
}
