using System.Globalization;
using System;

namespace NvTrap.Compiler.Common;

/// <summary>Formatting that reads the same on every machine, so the build and the tool print identical text.</summary>
internal static class Invariant
{
    public static string Format(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>A number as decimal.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number as upper-case hex with 0x.</summary>
    public static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);
}
