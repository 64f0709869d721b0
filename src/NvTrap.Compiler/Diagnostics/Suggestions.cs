using System.Collections.Generic;
using System;

namespace NvTrap.Compiler.Diagnostics;

/// <summary>
/// "Did you mean" hints: the closest known name, if close enough to be a typo (about one edit in
/// three characters), by edit distance counting a swap of neighbours as one edit (TMV is one edit
/// from TVM).
/// </summary>
/// <remarks>
/// A hint must never cost more than the error it decorates. Each search is bounded: a name longer
/// than any name can be gets none; only candidates whose length is within the allowed distance
/// are looked at, and of those only the ones whose letters could be that close (the bag distance,
/// a cheap lower bound); the distance itself is computed in a band and abandoned as soon as it
/// exceeds the best found so far. A <see cref="Suggester"/> also keeps its candidate lists
/// prepared and caps the work of all its searches together: past the cap, errors get no hint.
/// </remarks>
internal static class Suggestions
{
    /// <summary>No name is longer (NVT007); a longer one is no typo of a name.</summary>
    public const int MaxNameLength = 256;

    /// <summary>" Did you mean 'X'?" or empty, for a small list of candidates (keys, functions).</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) => Format(Closest(name, new CandidateList(candidates), null));

    public static string? Closest(string name, IEnumerable<string> candidates) => Closest(name, new CandidateList(candidates), null);

    internal static string Format(string? best) => best is null ? string.Empty : $" Did you mean '{best}'?";

    /// <summary>The closest candidate within the allowed distance, ties to the ordinally first; null if none, or the budget ran out first.</summary>
    internal static string? Closest(string name, CandidateList candidates, Suggester? budget)
    {
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return null;
        }

        string upper = name.ToUpperInvariant();
        int allowed = Math.Max(1, name.Length / 3);
        var counts = new int[128];
        foreach (char c in upper)
        {
            counts[Bucket(c)]++;
        }

        string? best = null;
        int bestDistance = allowed;
        var (from, to) = candidates.LengthRange(name.Length - allowed, name.Length + allowed);
        var rows = new int[3][];
        for (int n = from; n < to; n++)
        {
            string candidateUpper = candidates.Upper(n);
            if (budget is not null && !budget.Spend(candidateUpper.Length))
            {
                break;
            }

            // Bag distance: characters one has and the other lacks; never more than the edit distance.
            int missing = 0;
            foreach (char c in candidateUpper)
            {
                if (counts[Bucket(c)]-- <= 0)
                {
                    missing++;
                }
            }

            foreach (char c in candidateUpper)
            {
                counts[Bucket(c)]++;
            }

            int extra = upper.Length - (candidateUpper.Length - missing);
            if (Math.Max(missing, extra) > bestDistance)
            {
                continue;
            }

            if (budget is not null && !budget.Spend(upper.Length * ((2 * bestDistance) + 1)))
            {
                break;
            }

            int distance = Distance(upper, candidateUpper, bestDistance, rows);
            string candidate = candidates.Name(n);
            if (distance < bestDistance || (distance == bestDistance && (best is null || string.CompareOrdinal(candidate, best) < 0)))
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best;
    }

    private static int Bucket(char c) => c < 128 ? c : 127;

    /// <summary>
    /// The optimal-string-alignment distance (insertions, deletions, substitutions and swaps of
    /// neighbours) if it is at most <paramref name="limit"/>, else <paramref name="limit"/> + 1;
    /// only the band of cells within the limit of the diagonal is computed.
    /// </summary>
    internal static int Distance(string a, string b, int limit, int[][]? rows = null)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        int over = limit + 1;
        rows ??= new int[3][];
        for (int r = 0; r < 3; r++)
        {
            if (rows[r] is null || rows[r].Length < b.Length + 1)
            {
                rows[r] = new int[b.Length + 1];
            }
        }

        int[] before = rows[0], previous = rows[1], current = rows[2];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = Math.Min(j, over);
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int low = Math.Max(1, i - limit);
            int high = Math.Min(b.Length, i + limit);
            current[0] = Math.Min(i, over);
            if (low > 1)
            {
                current[low - 1] = over;
            }

            int rowMinimum = current[0];
            for (int j = low; j <= high; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(current[j - 1] + 1, (j <= i - 1 + limit ? previous[j] : over) + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = Math.Min(value, over);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (high < b.Length)
            {
                current[high + 1] = over;
            }

            if (rowMinimum > limit)
            {
                return over;
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[b.Length];
    }
}

/// <summary>Candidate names prepared once for many searches: upper-cased, in length order.</summary>
internal sealed class CandidateList
{
    private readonly string[] _names;
    private readonly string[] _upper;

    public CandidateList(IEnumerable<string> names)
    {
        var list = new List<string>(names);
        list.Sort((x, y) => x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y));
        _names = list.ToArray();
        _upper = Array.ConvertAll(_names, n => n.ToUpperInvariant());
    }

    public int Count => _names.Length;

    public string Name(int index) => _names[index];

    public string Upper(int index) => _upper[index];

    /// <summary>The indices [from, to) of the candidates with lengths in [<paramref name="shortest"/>, <paramref name="longest"/>].</summary>
    public (int From, int To) LengthRange(int shortest, int longest) => (FirstLonger(shortest - 1), FirstLonger(longest));

    private int FirstLonger(int length)
    {
        int low = 0, high = _names.Length;
        while (low < high)
        {
            int mid = (low + high) >> 1;
            if (_names[mid].Length <= length)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}

/// <summary>
/// The hints of one ruleset: its candidate lists prepared once each (re-prepared when a list has
/// grown), and one budget of work for all its searches, so that thousands of unknown names
/// against a catalogue of 65,536 stay quick (past the budget, errors carry no hint).
/// </summary>
internal sealed class Suggester
{
    /// <summary>Characters compared, over all searches: about a second's worth on a slow machine at the very most.</summary>
    public const long Budget = 100_000_000;

    private readonly Dictionary<object, (int Count, CandidateList List)> _lists = new(ReferenceEqualityComparer.Instance);
    private long _spent;

    /// <summary>The work done so far, in the units of <see cref="Budget"/>.</summary>
    public long Spent => _spent;

    /// <summary>
    /// " Did you mean 'X'?" or empty. A collection is prepared once and kept while its count is
    /// unchanged (a dictionary's Keys is one object for the dictionary's life); any other list is
    /// prepared for this search alone. Preparing is charged to the budget too.
    /// </summary>
    public string DidYouMean(string name, IEnumerable<string> source)
    {
        if (_spent >= Budget || name.Length > Suggestions.MaxNameLength)
        {
            return string.Empty;
        }

        CandidateList list;
        if (source is IReadOnlyCollection<string> collection)
        {
            if (!_lists.TryGetValue(source, out var prepared) || prepared.Count != collection.Count)
            {
                prepared = (collection.Count, new CandidateList(collection));
                _lists[source] = prepared;
                _spent += collection.Count;
            }

            list = prepared.List;
        }
        else
        {
            list = new CandidateList(source);
            _spent += list.Count;
        }

        return Suggestions.Format(Suggestions.Closest(name, list, this));
    }

    /// <summary>Spends <paramref name="work"/> of the budget; false once it is spent.</summary>
    public bool Spend(long work)
    {
        _spent += work;
        return _spent <= Budget;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
