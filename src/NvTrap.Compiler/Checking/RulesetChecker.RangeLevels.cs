using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Checking;

// A coarse range whose span takes in registers of another exception level than its ends. Linux
// first trapped "all _EL2 registers" under HCR_EL2.NV with a few wide op1 = 4 ranges; they bled
// over registers HCR_EL2.NV does not trap (SP_EL1 sits among the EL2 encodings), and the kernel
// replaced them with one entry per EL2 register so it would not inject the wrong exception
// ("KVM: arm64: Refine _EL2 system register list that require trap reinjection", 2023). A
// range's level is its ends' (by their catalogue names, else by op1); each catalogued register
// inside at another level is reported, the first few by name.
internal static partial class RulesetChecker
{
    private const int RegistersShown = 3;

    private static void CheckRangeLevels(BoundRuleset ruleset, CoverageIndex index, List<RuleDiagnostic> diagnostics)
    {
        var levels = new[] { RegisterLevel.El0, RegisterLevel.El1, RegisterLevel.El2, RegisterLevel.El3, RegisterLevel.El2Alias };
        foreach (var range in ruleset.CoarseEntries.Where(e => e.IsRange))
        {
            var ends = new[] { index.LevelAt(range.First), index.LevelAt(range.Last) }.Where(l => l is not null).Select(l => l!.Value).Distinct().ToList();
            if (ends.Count == 0)
            {
                continue;
            }

            // The first few of each other level are enough to name the first few overall.
            var strays = new List<ushort>();
            int count = 0;
            foreach (var level in levels.Where(l => !ends.Contains(l)))
            {
                count += index.CountNamed(level, range.First, range.Last);
                strays.AddRange(index.Named(level, range.First, range.Last).Take(RegistersShown));
            }

            if (count == 0)
            {
                continue;
            }

            var shown = strays.OrderBy(e => e).Take(RegistersShown).Select(e => $"{index.DescribeLevelled(e)} ({RegisterLevels.Display(index.LevelAt(e)!.Value)})").ToList();
            string more = count > shown.Count ? $" and {Invariant.Number(count - shown.Count)} more" : string.Empty;
            string endLevels = string.Join(" and ", ends.Select(RegisterLevels.Display));
            diagnostics.Add(Descriptors.RangeCoversOtherLevel.Create(range.Span,
                $"This '{ruleset.GroupById(range.Group).Name}' range, {index.Describe(range.First)}..{index.Describe(range.Last)}, runs between {endLevels} registers but also covers {string.Join(", ", shown)}{more}: a range gives its group every encoding between its ends, so these are trapped as its {endLevels} registers are. List the {endLevels} registers one by one, or split the range around the others."));
        }
    }
}
