using System.Globalization;
using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Syntax;

/// <summary>Integer literals as rule files write them: decimal, 0x hex, 0b binary, '_' separators.</summary>
internal static class IntegerLiteral
{
    public static bool TryParse(string text, out ulong value)
    {
        value = 0;
        string s = text.Replace("_", string.Empty);
        if (s.Length == 0 || s.StartsWith("_", System.StringComparison.Ordinal))
        {
            return false;
        }

        if (s.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase))
        {
            return s.Length > 2 && ulong.TryParse(s.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (s.StartsWith("0b", System.StringComparison.OrdinalIgnoreCase))
        {
            if (s.Length == 2 || s.Length > 66)
            {
                return false;
            }

            foreach (char c in s.Substring(2))
            {
                if (c != '0' && c != '1')
                {
                    return false;
                }

                value = (value << 1) | (uint)(c - '0');
            }

            return true;
        }

        foreach (char c in s)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
