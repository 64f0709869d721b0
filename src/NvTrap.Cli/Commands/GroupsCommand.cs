using System.Collections.Generic;
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
            "or condition; mask and value are hex with 0x; behaviour is read, write or any (for a combination,",
            "what its members forward together); members are comma-separated; - where there is none.",
        ],
        Examples:
        [
            "nvtrap groups",
            "nvtrap groups --format text",
            "nvtrap groups --rules my-rules/ --format text",
        ]);

    public static Command Create(CliContext context, Option<string> rules) =>
        TabularCommand.Create("groups", "List every group: controls, combinations and conditions, with what each tests and forwards.", context, rules, Header, Rows);

    public static IReadOnlyList<string[]> Rows(RulesetHandle ruleset)
    {
        var rules = ruleset.Rules;
        var names = ruleset.Names;
        var rows = new List<string[]>(ruleset.GroupCount);
        for (int group = 1; group <= ruleset.GroupCount; group++)
        {
            var kind = rules.KindOf(group);
            bool control = kind == RuleGroupKind.Control;
            var members = new List<string>();
            var behaviour = rules.BehaviourOf(group);
            if (kind == RuleGroupKind.Combination)
            {
                // A combination forwards what any member forwards.
                behaviour = TrapBehaviour.None;
                int end = rules.MemberStart(group) + rules.MemberCount(group);
                for (int i = rules.MemberStart(group); i < end; i++)
                {
                    int member = rules.Member(i);
                    members.Add(names.GroupName(member));
                    behaviour |= rules.BehaviourOf(member);
                }
            }

            rows.Add(new[]
            {
                Cell.Of(names.GroupName(group)),
                DecisionText.Kind(kind),
                control ? Cell.Of(names.RegisterName(rules.ControlRegister(group))) : Cell.None,
                control ? HexValue.Format(rules.ControlMask(group)) : Cell.None,
                control ? HexValue.Format(rules.ControlValue(group)) : Cell.None,
                DecisionText.Behaviour(behaviour),
                members.Count == 0 ? Cell.None : string.Join(',', members),
                kind == RuleGroupKind.Condition ? Cell.Of(names.ConditionText(group)) : Cell.None,
            });
        }

        return rows;
    }
}
