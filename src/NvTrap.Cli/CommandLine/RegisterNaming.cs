using System;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// How a ruleset's register names appear on the command line and in files: <c>HCR_EL2</c> is the
/// option <c>--hcr-el2</c> and the column <c>hcr_el2</c>. Lookups accept any case and either
/// separator, so a user's spelling of a name the tool printed always works.
/// </summary>
internal static class RegisterNaming
{
    public static string OptionName(string register) => "--" + register.ToLowerInvariant().Replace('_', '-');

    public static string ColumnName(string register) => register.ToLowerInvariant();

    /// <summary>The register a name denotes, or -1: an exact match first, then any case and separator.</summary>
    public static int Find(ReadOnlySpan<char> name, System.Collections.Generic.IReadOnlyList<string> registers)
    {
        for (int i = 0; i < registers.Count; i++)
        {
            if (name.SequenceEqual(registers[i]))
            {
                return i;
            }
        }

        for (int i = 0; i < registers.Count; i++)
        {
            if (SameLoosely(name, registers[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool SameLoosely(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            char x = a[i] == '-' ? '_' : char.ToLowerInvariant(a[i]);
            char y = b[i] == '-' ? '_' : char.ToLowerInvariant(b[i]);
            if (x != y)
            {
                return false;
            }
        }

        return true;
    }
}
