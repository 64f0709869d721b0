using System.Globalization;

namespace NvTrap.Compiler.Syntax;

/// <summary>Integer literals as rule files write them: decimal, 0x hex, 0b binary, '_' separators.</summary>
internal static class IntegerLiteral
{
    /// <summary>What a message says of a literal with more than 64 bits.</summary>
    public const string Limit = "values are 64-bit, at most 0xFFFF_FFFF_FFFF_FFFF (18,446,744,073,709,551,615)";

    public static bool TryParse(string text, out ulong value) => Parse(text, out value) == IntegerParse.Ok;

    /// <summary>Reads a literal: its value, or whether it is no integer at all or an integer too large for 64 bits.</summary>
    public static IntegerParse Parse(string text, out ulong value)
    {
        value = 0;
        if (text.StartsWith("_", System.StringComparison.Ordinal))
        {
            return IntegerParse.Malformed;
        }

        string s = text.Replace("_", string.Empty);
        if (s.Length == 0)
        {
            return IntegerParse.Malformed;
        }

        int radix = 10;
        if (s.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase))
        {
            radix = 16;
            s = s.Substring(2);
        }
        else if (s.StartsWith("0b", System.StringComparison.OrdinalIgnoreCase))
        {
            radix = 2;
            s = s.Substring(2);
        }

        if (s.Length == 0)
        {
            return IntegerParse.Malformed;
        }

        foreach (char c in s)
        {
            int digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : 99;
            if (digit >= radix)
            {
                return IntegerParse.Malformed;
            }

            // value * radix + digit, refusing what does not fit 64 bits.
            ulong limit = (ulong.MaxValue - (ulong)digit) / (ulong)radix;
            if (value > limit)
            {
                return IntegerParse.TooLarge;
            }

            value = (value * (ulong)radix) + (ulong)digit;
        }

        return IntegerParse.Ok;
    }
}

/// <summary>How reading an integer literal went.</summary>
internal enum IntegerParse
{
    Ok,
    Malformed,
    TooLarge,
}
