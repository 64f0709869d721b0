using System.Globalization;

namespace NvTrap.Compiler.Binding;

/// <summary>Packing and naming of 16-bit system-register encodings (op0:op1:CRn:CRm:op2).</summary>
internal static class EncodingMath
{
    public static ushort Pack(ulong op0, ulong op1, ulong crn, ulong crm, ulong op2) =>
        (ushort)((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2);

    public static string GenericName(ushort encoding) => string.Format(
        CultureInfo.InvariantCulture,
        "S{0}_{1}_C{2}_C{3}_{4}",
        (encoding >> 14) & 0x3,
        (encoding >> 11) & 0x7,
        (encoding >> 7) & 0xF,
        (encoding >> 3) & 0xF,
        encoding & 0x7);
}
