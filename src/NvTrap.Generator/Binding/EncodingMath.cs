using System.Globalization;

namespace NvTrap.Compiler.Binding;

/// <summary>Packing and naming of 16-bit system-register encodings (op0:op1:CRn:CRm:op2).</summary>
internal static class EncodingMath
{
    public static ushort Pack(ulong op0, ulong op1, ulong crn, ulong crm, ulong op2) =>
        (ushort)((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2);

    /// <summary>
    /// An encoding's fields where an EC 0x18 ISS holds them: op0 [21:20], op2 [19:17], op1 [16:14],
    /// CRn [13:10], CRm [4:1]. The runtime's <c>SysRegEncoding.IssKey</c> is the same function;
    /// generated lookups are keyed by it, so an ESR is looked up without repacking its fields.
    /// </summary>
    public static uint IssKey(ushort encoding) =>
        ((encoding & 0xC000u) << 6) | ((encoding & 0x7u) << 17) | ((encoding & 0x3F80u) << 3) | ((encoding & 0x78u) >> 2);

    public static string GenericName(ushort encoding) => string.Format(
        CultureInfo.InvariantCulture,
        "S{0}_{1}_C{2}_C{3}_{4}",
        (encoding >> 14) & 0x3,
        (encoding >> 11) & 0x7,
        (encoding >> 7) & 0xF,
        (encoding >> 3) & 0xF,
        encoding & 0x7);
}
