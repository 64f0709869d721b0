using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Compiler.Tests.Diagnostics;

/// <summary>
/// "Did you mean": the distance is the optimal string alignment (a swap of neighbours is one
/// edit), computed in a band that gives the same answer as the full table wherever the answer
/// matters; the closest name is the same as a brute-force search finds; and the work of all of a
/// ruleset's searches is capped, however many unknown names meet however many candidates.
/// </summary>
public class SuggestionTests
{
    [Theory]
    [InlineData("TMV", "TVM", 1)]
    [InlineData("HCR_TVM", "HCR_TVM", 0)]
    [InlineData("HCR_TMV", "HCR_TVM", 1)]
    [InlineData("ABC", "CBA", 2)]
    [InlineData("", "ABC", 3)]
    [InlineData("KITTEN", "SITTING", 3)]
    public void The_distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int distance)
    {
        Assert.Equal(distance, Suggestions.Distance(a, b, limit: 10));
        Assert.Equal(distance, Suggestions.Distance(b, a, limit: 10));
    }

    [Fact]
    public void The_banded_distance_is_the_full_tables_up_to_its_limit()
    {
        var random = new Random(11);
        for (int round = 0; round < 20_000; round++)
        {
            string a = RandomWord(random, random.Next(12));
            string b = random.Next(3) == 0 ? Mutate(a, random) : RandomWord(random, random.Next(12));
            int limit = random.Next(6);
            int full = FullDistance(a, b);
            Assert.True(Math.Min(full, limit + 1) == Suggestions.Distance(a, b, limit), $"'{a}' '{b}' limit {limit}: full {full}, banded {Suggestions.Distance(a, b, limit)}");
        }
    }

    [Fact]
    public void The_closest_name_is_what_a_brute_force_search_finds()
    {
        var random = new Random(12);
        for (int round = 0; round < 2_000; round++)
        {
            var candidates = Enumerable.Range(0, random.Next(1, 40)).Select(_ => RandomWord(random, random.Next(1, 10))).Distinct().ToList();
            string name = random.Next(2) == 0 ? Mutate(candidates[random.Next(candidates.Count)], random) : RandomWord(random, random.Next(1, 10));
            if (name.Length == 0)
            {
                continue;
            }

            int allowed = Math.Max(1, name.Length / 3);
            var expected = candidates
                .Select(c => (Candidate: c, Distance: FullDistance(name.ToUpperInvariant(), c.ToUpperInvariant())))
                .Where(c => c.Distance <= allowed)
                .OrderBy(c => c.Distance).ThenBy(c => c.Candidate, StringComparer.Ordinal)
                .Select(c => c.Candidate)
                .FirstOrDefault();
            Assert.Equal(expected, Suggestions.Closest(name, candidates));
        }
    }

    [Fact]
    public void Names_longer_than_any_name_get_no_hint_and_cost_nothing()
    {
        var candidates = Enumerable.Range(0, 100).Select(i => new string('x', 250) + i.ToString("D3")).ToList();
        var suggester = new Suggester();
        Assert.Equal(string.Empty, suggester.DidYouMean(new string('x', 60_000), candidates));
        Assert.Equal(0, suggester.Spent);
        Assert.Contains("Did you mean 'xx", suggester.DidYouMean(new string('x', 250) + "007", candidates.Skip(1).Take(50).ToList()));
    }

    [Fact]
    public void Thousands_of_unknown_names_against_the_whole_catalogue_stop_at_the_budget()
    {
        // 65,536 catalogue names against 3,000 unknown ones: unbounded, 200 million comparisons.
        var catalogue = Enumerable.Range(0, 65_536).Select(e => $"SYSREG_{e:X4}_EL1").ToList();
        var suggester = new Suggester();
        int hinted = 0;
        for (int i = 0; i < 3_000; i++)
        {
            string hint = suggester.DidYouMean(i % 2 == 0 ? $"SYSREG_{i:X4}_EL2" : $"UNKNOWN_{i:X4}_ELX", catalogue);
            hinted += hint.Length > 0 ? 1 : 0;
            if (i == 0)
            {
                Assert.Equal(" Did you mean 'SYSREG_0000_EL1'?", hint);
            }
        }

        // Past the budget a search stops at its next candidate: it overruns by one candidate's work at most.
        Assert.True(suggester.Spent <= Suggester.Budget + 100_000, $"spent {suggester.Spent}");
        Assert.InRange(hinted, 1, 2_999);
    }

    private static string RandomWord(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => "ABCDE_x1"[random.Next(8)]).ToArray());

    private static string Mutate(string word, Random random)
    {
        var chars = word.ToList();
        for (int edits = random.Next(1, 4); edits > 0; edits--)
        {
            int at = chars.Count == 0 ? 0 : random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0 when chars.Count > 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, "ABCDE_x1"[random.Next(8)]); break;
                case 2 when chars.Count > 0: chars[at] = "ABCDE_x1"[random.Next(8)]; break;
                case 3 when at + 1 < chars.Count: (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]); break;
            }
        }

        return new string(chars.ToArray());
    }

    /// <summary>The optimal string alignment distance over the full table: the reference.</summary>
    private static int FullDistance(string a, string b)
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
