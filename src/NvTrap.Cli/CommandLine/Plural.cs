using System.Globalization;

namespace NvTrap.Cli.CommandLine;

/// <summary>"1 error", "2 errors": counts in messages read as sentences.</summary>
internal static class Plural
{
    public static string Of(long count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
