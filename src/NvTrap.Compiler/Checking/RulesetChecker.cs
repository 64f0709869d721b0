using System.Collections.Generic;
using System.Linq;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Checking;

/// <summary>
/// Whole-ruleset checks that need every definition bound: overlapping entries, recursive
/// combinations, field-width limits of the packed config, unused definitions, uncatalogued
/// encodings, the fine-grained registers' accounting, and what the traps cover measured against
/// the catalogue (one partial file per concern).
/// </summary>
internal static partial class RulesetChecker
{
    public static void Check(BoundRuleset ruleset, List<RuleDiagnostic> diagnostics)
    {
        CheckCapacities(ruleset, diagnostics);
        CheckCombinations(ruleset, diagnostics);
        int before = diagnostics.Count;
        CheckOverlaps(ruleset.CoarseEntries.Select(e => (e.First, e.Last, e.Span, Describe(ruleset, e))).ToList(), Descriptors.CoarseOverlap, "coarse", diagnostics, ruleset);
        CheckOverlaps(ruleset.FineGrainedEntries.Select(e => (e.First, e.Last, e.Span, e.BitName)).ToList(), Descriptors.FineGrainedOverlap, "fine-grained", diagnostics, ruleset);
        bool overlapping = diagnostics.Count > before;
        CheckUnusedGroups(ruleset, diagnostics);
        CheckUnusedFiltersAndParameters(ruleset, diagnostics);
        CheckCatalogueCoverage(ruleset, diagnostics);
        CheckFineGrainedRegisters(ruleset, diagnostics);

        // The coverage checks read each encoding as having one coarse and one fine-grained entry at
        // most; with overlaps that is not so, and the errors say more than the warnings would.
        if (!overlapping && ruleset.Catalogue.Count > 0)
        {
            var index = new CoverageIndex(ruleset);
            CheckFamilies(ruleset, index, diagnostics);
            CheckRangeLevels(ruleset, index, diagnostics);
            CheckRangeGaps(ruleset, index, diagnostics);
        }
    }

    private static string Describe(BoundRuleset ruleset, CoarseEntry entry) => ruleset.GroupById(entry.Group).Name;

    private static void CheckCapacities(BoundRuleset ruleset, List<RuleDiagnostic> diagnostics)
    {
        if (ruleset.Groups.Count > Capacities.MaxGroups)
        {
            var first = ruleset.Groups[Capacities.MaxGroups];
            diagnostics.Add(Descriptors.TooManyGroups.Create(first.Span,
                $"Ruleset '{ruleset.Name}' defines {ruleset.Groups.Count} groups; the packed config's 10-bit group field holds {Capacities.MaxGroups} (id 0 means none). '{first.Name}' is the first that does not fit: merge or remove groups."));
        }

        if (ruleset.FineGrainedGroups.Count > Capacities.MaxFineGrainedGroups)
        {
            var first = ruleset.FineGrainedGroups[Capacities.MaxFineGrainedGroups];
            diagnostics.Add(Descriptors.TooManyFineGrainedGroups.Create(first.Span,
                $"Ruleset '{ruleset.Name}' defines {ruleset.FineGrainedGroups.Count} fine-grained groups; the packed config's 4-bit field holds {Capacities.MaxFineGrainedGroups} (id 0 means none). '{first.Name}' is the first that does not fit."));
        }

        if (ruleset.Registers.Count > Capacities.MaxRegisters)
        {
            var first = ruleset.Registers[Capacities.MaxRegisters];
            diagnostics.Add(Descriptors.TooManyRegisters.Create(first.Span,
                $"Ruleset '{ruleset.Name}' defines {ruleset.Registers.Count} registers; vCPU state holds {Capacities.MaxRegisters}. '{first.Name}' is the first that does not fit: remove registers no rule reads."));
        }

        if (ruleset.Filters.Count > Capacities.MaxFilters)
        {
            var first = ruleset.Filters[Capacities.MaxFilters];
            diagnostics.Add(Descriptors.TooManyFilters.Create(first.Span,
                $"Ruleset '{ruleset.Name}' defines {ruleset.Filters.Count} filters; the packed config's 5-bit filter field holds {Capacities.MaxFilters} (id 0 means none). '{first.Name}' is the first that does not fit: merge filters that switch the same entries off, or remove unused ones."));
        }

        if (ruleset.Parameters.Count > Capacities.MaxParameters)
        {
            var first = ruleset.Parameters[Capacities.MaxParameters];
            diagnostics.Add(Descriptors.TooManyParameters.Create(first.Span,
                $"Ruleset '{ruleset.Name}' defines {ruleset.Parameters.Count} parameters; a VM profile holds {Capacities.MaxParameters}. '{first.Name}' is the first that does not fit: remove parameters no expression reads."));
        }
    }

    private static void CheckCombinations(BoundRuleset ruleset, List<RuleDiagnostic> diagnostics)
    {
        foreach (var group in ruleset.Groups.OfType<BoundCombination>())
        {
            foreach (var reference in group.Members)
            {
                if (ruleset.GroupById(reference.Group) is not BoundCombination member)
                {
                    continue;
                }

                diagnostics.Add(Descriptors.RecursiveCombination.Create(reference.Span,
                    $"Combination '{group.Name}' contains combination '{member.Name}' ({Chain(ruleset, group, member)}); a combination's members must be controls or conditions: list '{member.Name}''s members directly."));
            }
        }
    }

    /// <summary>Follows combination members from <paramref name="member"/> until a cycle or a leaf.</summary>
    private static string Chain(BoundRuleset ruleset, BoundCombination start, BoundCombination member)
    {
        var path = new List<string> { start.Name };
        var visited = new HashSet<int> { start.Id };
        BoundCombination? current = member;
        while (current is not null)
        {
            path.Add(current.Name);
            if (!visited.Add(current.Id))
            {
                return string.Join(" -> ", path) + " is a cycle";
            }

            current = current.Members.Select(m => ruleset.GroupById(m.Group)).OfType<BoundCombination>().FirstOrDefault();
        }

        return string.Join(" -> ", path);
    }

    private static void CheckOverlaps(List<(ushort First, ushort Last, SourceSpan Span, string What)> entries, RuleDiagnosticDescriptor descriptor, string kind, List<RuleDiagnostic> diagnostics, BoundRuleset ruleset)
    {
        Dictionary<ushort, string>? names = null;
        // Sweep in encoding order keeping the entry that reaches furthest: any entry starting
        // at or before that reach overlaps it.
        var ordered = entries
            .Select((e, index) => (e.First, e.Last, e.Span, e.What, Index: index))
            .OrderBy(e => e.First)
            .ThenBy(e => e.Index)
            .ToList();
        (ushort First, ushort Last, SourceSpan Span, string What, int Index)? reach = null;
        foreach (var entry in ordered)
        {
            if (reach is { } active && entry.First <= active.Last)
            {
                ushort overlapStart = entry.First;
                ushort overlapEnd = Math.Min(entry.Last, active.Last);
                var (later, earlier) = entry.Index > active.Index ? (entry, active) : (active, entry);
                diagnostics.Add(descriptor.Create(later.Span,
                    $"{Range(names ??= FirstNames(ruleset), overlapStart, overlapEnd)} is given two {kind} entries: {later.What} here and {earlier.What} at {earlier.Span.ToDisplayString()}; each encoding may have one {kind} entry, so remove or narrow one of them.",
                    earlier.Span));
            }

            if (reach is null || entry.Last > reach.Value.Last)
            {
                reach = entry;
            }
        }
    }

    private static string Range(IReadOnlyDictionary<ushort, string> names, ushort first, ushort last)
    {
        string Name(ushort encoding) =>
            names.TryGetValue(encoding, out var named) ? $"{EncodingLayout.GenericName(encoding)} ({named})" : EncodingLayout.GenericName(encoding);

        return first == last ? $"Encoding {Name(first)}" : $"Encodings {Name(first)}..{Name(last)}";
    }

    /// <summary>The first catalogue name of each encoding, looked up once per overlap (a scan of the catalogue per overlap was quadratic).</summary>
    private static Dictionary<ushort, string> FirstNames(BoundRuleset ruleset)
    {
        var names = new Dictionary<ushort, string>();
        foreach (var entry in ruleset.Catalogue)
        {
            if (!names.ContainsKey(entry.Encoding))
            {
                names[entry.Encoding] = entry.Name;
            }
        }

        return names;
    }

    private static void CheckCatalogueCoverage(BoundRuleset ruleset, List<RuleDiagnostic> diagnostics)
    {
        if (ruleset.Catalogue.Count == 0)
        {
            return;
        }

        var named = new HashSet<ushort>(ruleset.Catalogue.Select(c => c.Encoding));
        var singles = ruleset.CoarseEntries.Where(e => !e.IsRange).Select(e => (e.First, e.Span))
            .Concat(ruleset.FineGrainedEntries.Where(e => !e.IsRange).Select(e => (e.First, e.Span)));
        foreach (var (encoding, span) in singles)
        {
            if (!named.Contains(encoding))
            {
                diagnostics.Add(Descriptors.UncataloguedEncoding.Create(span,
                    $"Encoding {EncodingLayout.GenericName(encoding)} is trapped but the catalogue does not name it; add it under 'sysregs' so tools can show its name."));
            }
        }
    }
}
