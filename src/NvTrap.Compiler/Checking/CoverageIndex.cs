using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Checking;

/// <summary>
/// What the coverage checks look up, built once per ruleset: the coarse and fine-grained entries
/// in encoding order, the catalogue's names by encoding and by register level, and which named
/// encodings no coarse entry covers. Every look-up is a binary search, so the checks stay near
/// linear on a ruleset that configures every one of the 65,536 encodings. Entries of one kind
/// must not overlap (the checks that use this run only when none do).
/// </summary>
internal sealed class CoverageIndex
{
    private readonly CoarseEntry[] _coarse;
    private readonly ushort[] _coarseFirsts;
    private readonly FineGrainedEntry[] _fineGrained;
    private readonly ushort[] _fineGrainedFirsts;
    private readonly Dictionary<ushort, string> _firstNames = new();
    private readonly Dictionary<ushort, (string Name, RegisterLevel Level)> _levelNames = new();
    private readonly Dictionary<RegisterLevel, ushort[]> _named;
    private readonly Dictionary<RegisterLevel, ushort[]> _namedUncovered;

    public CoverageIndex(BoundRuleset ruleset)
    {
        _coarse = ruleset.CoarseEntries.OrderBy(e => e.First).ToArray();
        _coarseFirsts = _coarse.Select(e => e.First).ToArray();
        _fineGrained = ruleset.FineGrainedEntries.OrderBy(e => e.First).ToArray();
        _fineGrainedFirsts = _fineGrained.Select(e => e.First).ToArray();
        foreach (var entry in ruleset.Catalogue)
        {
            if (!_firstNames.ContainsKey(entry.Encoding))
            {
                _firstNames[entry.Encoding] = entry.Name;
            }

            if (!_levelNames.ContainsKey(entry.Encoding) && RegisterLevels.OfName(entry.Name) is { } level)
            {
                _levelNames[entry.Encoding] = (entry.Name, level);
            }
        }

        var byLevel = _levelNames.GroupBy(p => p.Value.Level).ToDictionary(g => g.Key, g => g.Select(p => p.Key).OrderBy(e => e).ToArray());
        _named = byLevel;
        _namedUncovered = byLevel.ToDictionary(p => p.Key, p => p.Value.Where(e => CoarseAt(e) is null).ToArray());
    }

    /// <summary>The coarse entry covering an encoding, if any.</summary>
    public CoarseEntry? CoarseAt(ushort encoding) => Covering(_coarse, _coarseFirsts, encoding, e => e.Last);

    /// <summary>The fine-grained entry covering an encoding, if any.</summary>
    public FineGrainedEntry? FineGrainedAt(ushort encoding) => Covering(_fineGrained, _fineGrainedFirsts, encoding, e => e.Last);

    /// <summary>The encoding's first catalogue name, or its generic name.</summary>
    public string Describe(ushort encoding) =>
        _firstNames.TryGetValue(encoding, out var name) ? name : EncodingLayout.GenericName(encoding);

    /// <summary>The name that gives an encoding its level: a catalogue name with a level suffix, else the generic name.</summary>
    public string DescribeLevelled(ushort encoding) =>
        _levelNames.TryGetValue(encoding, out var named) ? named.Name : Describe(encoding);

    /// <summary>An encoding's level: its catalogue name's, or the one op1 gives when no name has a level.</summary>
    public RegisterLevel? LevelAt(ushort encoding) =>
        _levelNames.TryGetValue(encoding, out var named) ? named.Level : RegisterLevels.OfEncoding(encoding);

    /// <summary>The encodings from <paramref name="first"/> to <paramref name="last"/> (inclusive) that a name of <paramref name="level"/> names, in order.</summary>
    public IEnumerable<ushort> Named(RegisterLevel level, ushort first, ushort last) => Between(_named, level, first, last);

    /// <summary>How many encodings <see cref="Named"/> would give, counted without visiting them.</summary>
    public int CountNamed(RegisterLevel level, ushort first, ushort last) =>
        _named.TryGetValue(level, out var encodings) ? UpperBound(encodings, last) - LowerBound(encodings, first) : 0;

    /// <summary>As <see cref="Named"/>, keeping only the encodings no coarse entry covers.</summary>
    public IEnumerable<ushort> NamedUncovered(RegisterLevel level, ushort first, ushort last) => Between(_namedUncovered, level, first, last);

    private static IEnumerable<ushort> Between(Dictionary<RegisterLevel, ushort[]> sets, RegisterLevel level, ushort first, ushort last)
    {
        if (!sets.TryGetValue(level, out var encodings))
        {
            yield break;
        }

        for (int i = LowerBound(encodings, first); i < encodings.Length && encodings[i] <= last; i++)
        {
            yield return encodings[i];
        }
    }

    private static T? Covering<T>(T[] entries, ushort[] firsts, ushort encoding, Func<T, ushort> lastOf)
        where T : class
    {
        // The last entry starting at or before the encoding is the only one that can cover it.
        int candidate = UpperBound(firsts, encoding) - 1;
        return candidate >= 0 && lastOf(entries[candidate]) >= encoding ? entries[candidate] : null;
    }

    /// <summary>The first index whose value is at least <paramref name="value"/>.</summary>
    private static int LowerBound(ushort[] values, ushort value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (values[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The first index whose value is above <paramref name="value"/>.</summary>
    private static int UpperBound(ushort[] values, ushort value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (values[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
