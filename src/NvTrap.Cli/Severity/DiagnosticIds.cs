using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NvTrap.Cli.CommandLine;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Cli.Severity;

/// <summary>Diagnostic ids as a person types them: found ignoring case, or the closest ones suggested.</summary>
internal static class DiagnosticIds
{
    /// <summary>The descriptor of an id, ignoring case (<c>nvt012</c> is NVT012), or null.</summary>
    public static RuleDiagnosticDescriptor? Find(string id) =>
        Descriptors.All.FirstOrDefault(d => d.Id.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The ids nearest to <paramref name="text"/>, best first: by edit distance ignoring case, then
    /// by how far the numbers are apart (so NVT13 suggests NVT013 before NVT031).
    /// </summary>
    public static IReadOnlyList<string> Closest(string text, int count = 3)
    {
        string typed = text.Trim().ToUpperInvariant();
        int? number = Number(typed);
        return Descriptors.All
            .Select(d => (d.Id, Distance: UnknownCommand.Distance(typed, d.Id), Apart: number is { } n ? Math.Abs(Number(d.Id)!.Value - n) : 0))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Apart)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Id)
            .ToList();
    }

    /// <summary>The id's number (NVT012 and 12 are 12), or null when there is none.</summary>
    private static int? Number(string text)
    {
        string digits = new(text.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and <= 6 ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>"NVT001 to NVT102": the range of ids, for messages.</summary>
    public static string Range => $"{Descriptors.All.Select(d => d.Id).Min(StringComparer.Ordinal)} to {Descriptors.All.Select(d => d.Id).Max(StringComparer.Ordinal)}";

    /// <summary>The ids that configuration can change (the warnings), as "NVT070, NVT071, ...".</summary>
    public static string Configurable => string.Join(", ", Descriptors.All.Where(DiagnosticLevels.IsConfigurable).Select(d => d.Id));
}
