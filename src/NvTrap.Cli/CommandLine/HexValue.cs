using System;
using System.Globalization;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// Parses the hexadecimal values the tool reads (ESRs and register values): 1 to 16 hex digits,
/// with or without <c>0x</c>, surrounding whitespace ignored. Failures say what is wrong.
/// </summary>
internal static class HexValue
{
    /// <summary>How much of a bad value to quote back: enough to recognise, never a whole megabyte.</summary>
    private const int QuoteLimit = 40;

    public static bool TryParse(ReadOnlySpan<char> text, out ulong value, out string? problem)
    {
        value = 0;
        var digits = text.Trim();
        if (digits.Length == 0)
        {
            problem = "the value is empty; give a hexadecimal number such as 0x4000000";
            return false;
        }

        if (digits.Length >= 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X'))
        {
            digits = digits[2..];
            if (digits.Length == 0)
            {
                problem = "'0x' has no digits after it";
                return false;
            }
        }

        for (int i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiHexDigit(digits[i]))
            {
                problem = $"{Quote(text)} is not hexadecimal ('{Printable(digits[i])}' is not a hex digit); give a value such as 0x4000000 or 4000000";
                return false;
            }
        }

        // Leading zeros do not count against the 64-bit width.
        var significant = digits.TrimStart('0');
        if (significant.Length > 16)
        {
            problem = $"{Quote(text)} has {significant.Length} significant hex digits; a 64-bit value has at most 16";
            return false;
        }

        value = significant.Length == 0 ? 0 : ulong.Parse(significant, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        problem = null;
        return true;
    }

    /// <summary>The value as the tool prints it: <c>0x</c> and upper-case digits.</summary>
    public static string Format(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);

    /// <summary>Quotes user text for a message, shortened and with control characters made visible.</summary>
    public static string Quote(ReadOnlySpan<char> text)
    {
        var shown = text.Length > QuoteLimit ? text[..QuoteLimit] : text;
        var quoted = new System.Text.StringBuilder(shown.Length + 8).Append('\'');
        foreach (char c in shown)
        {
            quoted.Append(Printable(c));
        }

        quoted.Append('\'');
        if (text.Length > QuoteLimit)
        {
            quoted.Append(CultureInfo.InvariantCulture, $" (first {QuoteLimit} of {text.Length:N0} characters)");
        }

        return quoted.ToString();
    }

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString();
}
