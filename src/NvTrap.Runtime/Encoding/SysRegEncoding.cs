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
    public int Op0 => EncodingLayout.Op0(Value);

    /// <summary>op1, 0..7.</summary>
    public int Op1 => EncodingLayout.Op1(Value);

    /// <summary>CRn, 0..15.</summary>
    public int CRn => EncodingLayout.CRn(Value);

    /// <summary>CRm, 0..15.</summary>
    public int CRm => EncodingLayout.CRm(Value);

    /// <summary>op2, 0..7.</summary>
    public int Op2 => EncodingLayout.Op2(Value);

    /// <summary>
    /// The bits of an EC 0x18 ISS that name a register: op0 [21:20], op2 [19:17], op1 [16:14],
    /// CRn [13:10], CRm [4:1]; Rt and the direction are excluded (see <see cref="Esr.IssKey"/>).
    /// </summary>
    public const uint IssKeyMask = EncodingLayout.IssKeyMask;

    /// <summary>
    /// This encoding's fields where an EC 0x18 ISS holds them (Rt and direction zero): the key a
    /// generated ruleset hashes, so a decision never has to repack the ESR's fields.
    /// </summary>
    public uint IssKey => EncodingLayout.IssKey(Value);

    /// <summary>The encoding an ISS key names (bits outside <see cref="IssKeyMask"/> are ignored).</summary>
    public static SysRegEncoding FromIssKey(uint issKey) => new(EncodingLayout.FromIssKey(issKey));

    /// <summary>Packs the five fields; throws if one is out of its range.</summary>
    public static SysRegEncoding Create(int op0, int op1, int crn, int crm, int op2)
    {
        Check(op0, EncodingLayout.FieldMaxima[0], nameof(op0));
        Check(op1, EncodingLayout.FieldMaxima[1], nameof(op1));
        Check(crn, EncodingLayout.FieldMaxima[2], nameof(crn));
        Check(crm, EncodingLayout.FieldMaxima[3], nameof(crm));
        Check(op2, EncodingLayout.FieldMaxima[4], nameof(op2));
        return new SysRegEncoding(EncodingLayout.Pack(op0, op1, crn, crm, op2));
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
            || !TryField(parts[0], 'S', EncodingLayout.FieldMaxima[0], out int op0)
            || !TryField(parts[1], null, EncodingLayout.FieldMaxima[1], out int op1)
            || !TryField(parts[2], 'C', EncodingLayout.FieldMaxima[2], out int crn)
            || !TryField(parts[3], 'C', EncodingLayout.FieldMaxima[3], out int crm)
            || !TryField(parts[4], null, EncodingLayout.FieldMaxima[4], out int op2))
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
    public override string ToString() => EncodingLayout.GenericName(Value);

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
