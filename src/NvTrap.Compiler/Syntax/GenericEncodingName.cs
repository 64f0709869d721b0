using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// Matches the generic assembler name of an encoding, <c>S&lt;op0&gt;_&lt;op1&gt;_C&lt;CRn&gt;_C&lt;CRm&gt;_&lt;op2&gt;</c>
/// (S and C in either case, each field one or more ASCII digits), and finds its five fields.
/// Written out rather than as a regular expression: trap tables name thousands of encodings,
/// and a regex match allocated a match, its groups and a string per field for each.
/// </summary>
internal static class GenericEncodingName
{
    /// <summary>The text before each field: S, _, _C, _C, _.</summary>
    private static readonly string[] Separators = { "S", "_", "_C", "_C", "_" };

    /// <param name="text">The scalar.</param>
    /// <param name="starts">Receives each field's start index (five entries).</param>
    /// <param name="lengths">Receives each field's length in digits (five entries).</param>
    public static bool TryMatch(string text, int[] starts, int[] lengths)
    {
        int at = 0;
        for (int field = 0; field < 5; field++)
        {
            foreach (char expected in Separators[field])
            {
                // ASCII only: char.ToUpperInvariant would also accept 'ſ' (U+017F) as an S.
                if (at >= text.Length || (text[at] != expected && text[at] != char.ToLowerInvariant(expected)))
                {
                    return false;
                }

                at++;
            }

            starts[field] = at;
            while (at < text.Length && text[at] >= '0' && text[at] <= '9')
            {
                at++;
            }

            lengths[field] = at - starts[field];
            if (lengths[field] == 0)
            {
                return false;
            }
        }

        return at == text.Length;
    }

    /// <summary>A field's digits as a number; <see cref="ulong.MaxValue"/> when it does not fit (reported as out of range).</summary>
    public static ulong Value(string text, int start, int length)
    {
        ulong value = 0;
        for (int i = start; i < start + length; i++)
        {
            if (value > (ulong.MaxValue - 9) / 10)
            {
                return ulong.MaxValue;
            }

            value = (value * 10) + (ulong)(text[i] - '0');
        }

        return value;
    }
}
