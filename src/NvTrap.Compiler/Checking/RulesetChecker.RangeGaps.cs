using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Checking;

// A gap between two ranges of one group that leaves registers of the ranges' level with no coarse
// entry. Linux cut its "all _EL2 registers" range in two to step over SP_EL1 and restarted it one
// encoding after SP_EL1, which also dropped SPSR_EL2 and ELR_EL2 just before it; they went
// untrapped until "KVM: arm64: nv: Add trap description for SPSR_EL2 and ELR_EL2" (2023) gave
// them entries. A pair of consecutive ranges of a group reads as one range with a hole cut in it
// when the gap is narrower than either range and their facing ends are of one level; the
// catalogued registers of that level in the hole that nothing traps are reported, at the second
// range. Blocks trapped separately (the IMPLEMENTATION DEFINED CRn 11 and CRn 15 spaces) lie
// farther apart than they are wide, and are left alone.
internal static partial class RulesetChecker
{
    private static void CheckRangeGaps(BoundRuleset ruleset, CoverageIndex index, List<RuleDiagnostic> diagnostics)
    {
        foreach (var ranges in ruleset.CoarseEntries.Where(e => e.IsRange).GroupBy(e => e.Group))
        {
            var ordered = ranges.OrderBy(e => e.First).ToList();
            for (int i = 1; i < ordered.Count; i++)
            {
                var (before, after) = (ordered[i - 1], ordered[i]);
                int gap = after.First - before.Last - 1;
                if (gap < 1 || gap >= before.Last - before.First + 1 || gap >= after.Last - after.First + 1
                    || index.LevelAt(before.Last) is not { } level || index.LevelAt(after.First) != level)
                {
                    continue;
                }

                var left = index.NamedUncovered(level, (ushort)(before.Last + 1), (ushort)(after.First - 1)).ToList();
                if (left.Count == 0)
                {
                    continue;
                }

                var shown = left.Take(RegistersShown).Select(index.DescribeLevelled).ToList();
                string names = left.Count > shown.Count
                    ? $"{string.Join(", ", shown)} and {Invariant.Number(left.Count - shown.Count)} more"
                    : shown.Count == 1 ? shown[0] : $"{string.Join(", ", shown.Take(shown.Count - 1))} and {shown[shown.Count - 1]}";
                string group = ruleset.GroupById(after.Group).Name;
                diagnostics.Add(Descriptors.RangeGapLeavesRegisters.Create(after.Span,
                    $"{names} {(left.Count == 1 ? "lies" : "lie")} in the gap {EncodingLayout.GenericName((ushort)(before.Last + 1))}..{EncodingLayout.GenericName((ushort)(after.First - 1))} between this '{group}' range and the one before it ({index.Describe(before.First)}..{index.Describe(before.Last)}), and no coarse entry traps {(left.Count == 1 ? "it" : "them")}, although both ranges trap the {RegisterLevels.Display(level)} registers around {(left.Count == 1 ? "it" : "them")}. Give {(left.Count == 1 ? "it an entry" : "them entries")} of {(left.Count == 1 ? "its" : "their")} own, or move the range's end if the gap was cut too wide.",
                    before.Span));
            }
        }
    }
}
