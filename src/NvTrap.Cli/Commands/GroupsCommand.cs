using System.Collections.Generic;
using System.Linq;
using System.CommandLine;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.Commands;

/// <summary><c>nvtrap groups</c>: every coarse group (control, combination, condition), in id order.</summary>
internal static class GroupsCommand
{
    public static readonly string[] Header = { "name", "kind", "register", "mask", "value", "behaviour", "members", "condition" };

    public static readonly CommandHelp Help = new(
        Notes:
        [
            "Columns: name kind register mask value behaviour members condition. kind is control, combination",
            "or condition; mask and value are hex with 0x; behaviour is read, write or any, with +host_el0 when",
            "it also forwards from the guest hypervisor's host EL0 (for a combination, what its members forward",
            "together); members are comma-separated; - where there is none.",
        ],
        Examples:
        [
            "nvtrap groups",
            "nvtrap groups --format text",
            "nvtrap groups --rules my-rules/ --format text",
        ]);

    public static Command Create(CliContext context, RulesetOptions rulesets) =>
        TabularCommand.Create("groups", "List every group: controls, combinations and conditions, with what each tests and forwards.", context, rulesets, Header, Rows);

    public static IReadOnlyList<string[]> Rows(RulesetHandle ruleset)
    {
        var names = ruleset.Names;
        var rows = new List<string[]>(ruleset.GroupCount);
        for (int group = 1; group <= ruleset.GroupCount; group++)
        {
            var kind = ruleset.KindOf(group);
            var members = ruleset.MembersOf(group);
            // A control or condition is its own only member; a combination forwards what any member forwards.
            var behaviour = TrapBehaviour.None;
            foreach (var member in members)
            {
                behaviour |= member.Behaviour;
            }

            var self = kind == RuleGroupKind.Control ? members[0] : default;
            rows.Add(new[]
            {
                Cell.Of(names.GroupName(group)),
                RuleWords.Of(kind),
                kind == RuleGroupKind.Control ? Cell.Of(names.RegisterName(self.Register)) : Cell.None,
                kind == RuleGroupKind.Control ? HexValue.Format(self.Mask) : Cell.None,
                kind == RuleGroupKind.Control ? HexValue.Format(self.Value) : Cell.None,
                RuleWords.Of(behaviour),
                kind == RuleGroupKind.Combination ? string.Join(',', members.Select(m => names.GroupName(m.Group))) : Cell.None,
                kind == RuleGroupKind.Condition ? Cell.Of(names.ConditionText(group)) : Cell.None,
            });
        }

        return rows;
    }
}
