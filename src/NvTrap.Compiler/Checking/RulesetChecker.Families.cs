using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Checking;

// A catalogue family trapped in part. The registers of an indexed family (DBGWCR<n>_EL1) are
// alike, so a group that traps some of them and not the others has usually lost one: Linux's
// coarse table listed DBGWCR<n>_EL1 for n = 0..14 and forgot 15 while its three sibling families
// went to 15. Each coarse group, and each fine-grained group, is held to the families it touches;
// the report stands at the entry next to which the first missing register belongs. A family
// that more than a few groups of one kind share is split on purpose (or beyond saving by one
// more entry), and is left alone; that also bounds the work to a few passes over each family.
internal static partial class RulesetChecker
{
    private const int NamesShown = 4;
    private const int GroupsPerFamily = 4;
    private const int RunsShown = 6;

    private static void CheckFamilies(BoundRuleset ruleset, CoverageIndex index, List<RuleDiagnostic> diagnostics)
    {
        var families = ruleset.Catalogue
            .Where(c => c.Family is not null)
            .GroupBy(c => c.Family!.Family, StringComparer.Ordinal);
        foreach (var family in families)
        {
            var members = family.GroupBy(c => c.Family!.Index).Select(g => g.First()).OrderBy(c => c.Family!.Index).ToList();
            var coarse = new SortedDictionary<int, SortedDictionary<ulong, SourceSpan>>();
            var fineGrained = new SortedDictionary<int, SortedDictionary<ulong, SourceSpan>>();
            foreach (var member in members)
            {
                if (index.CoarseAt(member.Encoding) is { } entry)
                {
                    Record(coarse, entry.Group, member.Family!.Index, entry.Span);
                }

                if (index.FineGrainedAt(member.Encoding) is { } fine)
                {
                    Record(fineGrained, fine.FineGrainedGroup, member.Family!.Index, fine.Span);
                }
            }

            foreach (var pair in Partial(coarse, members.Count))
            {
                var (group, present) = (pair.Key, pair.Value);
                var missing = members.Where(m => !present.ContainsKey(m.Family!.Index)).ToList();
                string elsewhere = Whereabouts(missing, m => index.CoarseAt(m.Encoding) is { } other ? $"group '{ruleset.GroupById(other.Group).Name}'" : null, "coarse entry");
                diagnostics.Add(Descriptors.IncompleteFamily.Create(NextTo(present, missing),
                    $"Group '{ruleset.GroupById(group).Name}' traps {family.Key} for {Indices(family.Key, present.Keys)} but not for {Indices(family.Key, missing.Select(m => m.Family!.Index))}: {elsewhere}. The registers of a family are trapped alike, so one left out is usually forgotten: trap {Names(missing)} with this group, or narrow the family's index range in the catalogue if the architecture has fewer."));
            }

            foreach (var pair in Partial(fineGrained, members.Count))
            {
                var (group, present) = (pair.Key, pair.Value);
                var missing = members.Where(m => !present.ContainsKey(m.Family!.Index)).ToList();
                string elsewhere = Whereabouts(missing, m => index.FineGrainedAt(m.Encoding) is { } other ? $"fine-grained group '{ruleset.FineGrainedGroups[other.FineGrainedGroup - 1].Name}'" : null, "fine-grained entry");
                diagnostics.Add(Descriptors.IncompleteFamily.Create(NextTo(present, missing),
                    $"Fine-grained group '{ruleset.FineGrainedGroups[group - 1].Name}' gives {family.Key} a bit for {Indices(family.Key, present.Keys)} but not for {Indices(family.Key, missing.Select(m => m.Family!.Index))}: {elsewhere}. The registers of a family are trapped alike, so one left out is usually forgotten: give {Names(missing)} an entry in this group, or narrow the family's index range in the catalogue if the architecture has fewer."));
            }
        }
    }

    /// <summary>The groups that cover part of a family, none when more than a few groups share it.</summary>
    private static IEnumerable<KeyValuePair<int, SortedDictionary<ulong, SourceSpan>>> Partial(SortedDictionary<int, SortedDictionary<ulong, SourceSpan>> byGroup, int members) =>
        byGroup.Count > GroupsPerFamily ? Enumerable.Empty<KeyValuePair<int, SortedDictionary<ulong, SourceSpan>>>() : byGroup.Where(p => p.Value.Count < members);

    private static void Record(SortedDictionary<int, SortedDictionary<ulong, SourceSpan>> byGroup, int group, ulong familyIndex, SourceSpan span)
    {
        if (!byGroup.TryGetValue(group, out var present))
        {
            byGroup[group] = present = new SortedDictionary<ulong, SourceSpan>();
        }

        present[familyIndex] = span;
    }

    /// <summary>The entry of the present member just below the first missing one, or else the first present above it.</summary>
    private static SourceSpan NextTo(SortedDictionary<ulong, SourceSpan> present, List<CatalogueEntry> missing)
    {
        ulong gap = missing[0].Family!.Index;
        var below = present.Where(p => p.Key < gap).Select(p => (KeyValuePair<ulong, SourceSpan>?)p).LastOrDefault();
        return below?.Value ?? present.First(p => p.Key > gap).Value;
    }

    /// <summary>"DBGWCR15_EL1 has no coarse entry; X_EL1 is trapped by group 'G'": where the missing members went.</summary>
    private static string Whereabouts(List<CatalogueEntry> missing, Func<CatalogueEntry, string?> trappedBy, string kind)
    {
        var parts = new List<string>();
        var untrapped = missing.Where(m => trappedBy(m) is null).ToList();
        if (untrapped.Count > 0)
        {
            parts.Add($"{Names(untrapped)} {(untrapped.Count == 1 ? "has" : "have")} no {kind}");
        }

        foreach (var other in missing.Select(m => (Member: m, By: trappedBy(m))).Where(p => p.By is not null).GroupBy(p => p.By!, StringComparer.Ordinal))
        {
            var members = other.Select(p => p.Member).ToList();
            parts.Add($"{Names(members)} {(members.Count == 1 ? "is" : "are")} trapped by {other.Key}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>"n = 0..14" or "n = 0..3, 8..15": the indices as runs, with the family's variable.</summary>
    private static string Indices(string family, IEnumerable<ulong> indices)
    {
        int open = family.IndexOf('<');
        string variable = family.Substring(open + 1, family.IndexOf('>') - open - 1);
        var sorted = indices.OrderBy(i => i).ToList();
        var runs = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            runs.Add(i == j ? Invariant.Number((long)sorted[i]) : $"{Invariant.Number((long)sorted[i])}..{Invariant.Number((long)sorted[j])}");
            i = j + 1;
        }

        // A family cut into many pieces is named by its first few runs, so messages stay short.
        string more = runs.Count > RunsShown ? $" and {Invariant.Number(runs.Count - RunsShown)} more" : string.Empty;
        return $"{variable} = {string.Join(", ", runs.Take(RunsShown))}{more}";
    }

    /// <summary>"A, B and C", or the first few and how many more.</summary>
    private static string Names(IReadOnlyList<CatalogueEntry> entries)
    {
        var names = entries.Select(e => e.Name).ToList();
        if (names.Count > NamesShown)
        {
            return $"{string.Join(", ", names.Take(NamesShown))} and {Invariant.Number(names.Count - NamesShown)} more";
        }

        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[names.Count - 1]}";
    }
}
