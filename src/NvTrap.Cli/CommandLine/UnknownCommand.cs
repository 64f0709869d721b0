using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// What <c>nvtrap</c> says when the first word is not a command, or there is none: one sentence
/// naming the word, the command it is probably a typo of (or the list of commands), then the
/// pointer to <c>--help</c> that every usage error ends with. System.CommandLine alone prints
/// "Required command was not provided" before the useful part.
/// </summary>
internal static class UnknownCommand
{
    /// <summary>The action of <c>nvtrap</c> itself: reached only when no command was given.</summary>
    public static int NoCommand(CliContext context, Command root)
    {
        context.Error.WriteLine($"nvtrap: no command given; the commands are {CommandList(root)}.");
        context.Error.WriteLine($"Run '{root.Name} --help' for usage.");
        return ExitCodes.Usage;
    }

    /// <summary>The message for <paramref name="token"/>, the first word after <c>nvtrap</c> that is neither a command nor one of its options.</summary>
    public static string Describe(Command root, string token)
    {
        string shown = HexValue.Quote(token);
        if (token.StartsWith('-'))
        {
            var options = root.Options.SelectMany(o => o.Aliases.Prepend(o.Name));
            return Suggest(token, options) is { } option
                ? $"unknown option {shown}; did you mean '{option}'?"
                : $"unknown option {shown}; give a command ({CommandList(root)}), then its options.";
        }

        var commands = root.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        return Suggest(token, commands) is { } command
            ? $"unknown command {shown}; did you mean '{command}'?"
            : $"unknown command {shown}; the commands are {CommandList(root)}.";
    }

    private static string CommandList(Command root) => string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));

    /// <summary>
    /// The name <paramref name="token"/> is most likely a typo of: the only name it starts, or the
    /// nearest by edit distance (a transposition counting 1) within 1 for short words and 2 for
    /// longer ones, ignoring case. Null when none is near, or two are equally near.
    /// </summary>
    internal static string? Suggest(string token, IEnumerable<string> names)
    {
        var candidates = names.Distinct(StringComparer.Ordinal).ToList();
        string word = token.ToLowerInvariant();
        var prefixed = candidates.Where(n => word.Length >= 2 && n.StartsWith(word, StringComparison.OrdinalIgnoreCase)).ToList();
        if (prefixed.Count == 1)
        {
            return prefixed[0];
        }

        int limit = word.TrimStart('-').Length <= 3 ? 1 : 2;
        var nearest = candidates
            .Select(n => (Name: n, Distance: Distance(word, n.ToLowerInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ToList();
        return nearest.Count == 1 || (nearest.Count > 1 && nearest[0].Distance < nearest[1].Distance) ? nearest[0].Name : null;
    }

    /// <summary>Edit distance where inserting, deleting or replacing a character, or swapping two adjacent ones, costs 1.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
