using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Checking;

// Groups that never affect a decision. A group counts as used when a trap that covers some
// encoding names it, or when a used combination lists it: a member of combinations nothing uses
// is as dead as they are, whether a control or a condition. Linux defined HCR_EL2.TID5 and left it
// out of its trap table until "KVM: arm64: Add trap routing for GMID_EL1"; a control written
// without the trap that uses it, or used only through a combination left without one, is the
// same slip in rule files.
internal static partial class RulesetChecker
{
    private static void CheckUnusedGroups(BoundRuleset ruleset, List<RuleDiagnostic> diagnostics)
    {
        var used = new HashSet<int>();
        var pending = new Queue<int>(ruleset.TrappedGroups);
        while (pending.Count > 0)
        {
            int id = pending.Dequeue();
            if (used.Add(id) && ruleset.GroupById(id) is BoundCombination combination)
            {
                foreach (var member in combination.Members)
                {
                    pending.Enqueue(member.Group);
                }
            }
        }

        var containers = new Dictionary<int, List<string>>();
        foreach (var combination in ruleset.Groups.OfType<BoundCombination>())
        {
            foreach (int member in combination.Members.Select(m => m.Group).Distinct())
            {
                if (!containers.TryGetValue(member, out var names))
                {
                    containers[member] = names = new List<string>();
                }

                names.Add(combination.Name);
            }
        }

        var empty = new HashSet<int>(ruleset.EmptyTrapGroups);
        foreach (var group in ruleset.Groups.Where(g => !used.Contains(g.Id)))
        {
            string message;
            if (containers.TryGetValue(group.Id, out var within))
            {
                // A group in very many combinations is named with the first few, so messages stay short.
                string list = string.Join(", ", within.Take(NamesShown).Select(n => $"'{n}'"))
                    + (within.Count > NamesShown ? $" and {Invariant.Number(within.Count - NamesShown)} more" : string.Empty);
                message = $"Group '{group.Name}' is used only by {(within.Count == 1 ? "combination" : "combinations")} {list}, which nothing uses in turn, so it never affects a decision. Trap {(within.Count == 1 ? "that combination" : "one of them")} (or '{group.Name}' itself), or remove what is unused.";
            }
            else if (empty.Contains(group.Id))
            {
                message = $"Group '{group.Name}' is named only by traps that list no encoding ('sysregs: []'), so it traps nothing. List the encodings it traps, or remove it.";
            }
            else
            {
                message = $"Group '{group.Name}' is never used: no trap names it and no combination contains it. Add a trap for it or remove it.";
            }

            diagnostics.Add(Descriptors.UnusedGroup.Create(group.Span, message));
        }
    }
}
