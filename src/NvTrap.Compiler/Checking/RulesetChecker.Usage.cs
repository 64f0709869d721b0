using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Checking;

// Definitions nothing uses: a filter no fine-grained entry names, a parameter no expression reads.
internal static partial class RulesetChecker
{
    private static void CheckUnusedFiltersAndParameters(BoundRuleset ruleset, List<RuleDiagnostic> diagnostics)
    {
        var usedFilters = new HashSet<int>(ruleset.FineGrainedEntries.Select(e => e.Filter));
        foreach (var filter in ruleset.Filters.Where(f => !usedFilters.Contains(f.Id)))
        {
            diagnostics.Add(Descriptors.UnusedFilter.Create(filter.Span,
                $"Filter '{filter.Name}' is never used: no fine-grained trap names it. Add 'filter: {filter.Name}' to the entries it switches off, or remove it."));
        }

        var expressions = ruleset.Groups.OfType<BoundCondition>().Select(c => (c.Logic as ExpressionLogic)?.Expression)
            .Concat(ruleset.Filters.Select(f => f.When?.Expression))
            .Append(ruleset.Context.Hypervisor.Expression)
            .Append(ruleset.Context.HostEl0?.Expression);
        var read = new HashSet<int>(expressions.Where(e => e is not null).SelectMany(e => BoundExprAnalysis.ParametersRead(e!)));
        foreach (var parameter in ruleset.Parameters.Where(p => !read.Contains(p.Index)))
        {
            diagnostics.Add(Descriptors.UnusedParameter.Create(parameter.Span,
                $"Parameter '{parameter.Name}' is never used: no condition, filter or context test reads it. Read it in an expression, or remove it."));
        }
    }
}
