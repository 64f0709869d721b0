using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.Commands;

/// <summary><c>nvtrap rulesets</c>: the built-in rulesets, where each comes from and how much it holds.</summary>
internal static class RulesetsCommand
{
    public static readonly string[] Header =
        { "name", "default", "source", "encodings", "controls", "combinations", "conditions", "fine_grained_groups", "filters", "parameters" };

    public static readonly CommandHelp Help = new(
        Notes:
        [
            "Columns: name default source encodings controls combinations conditions fine_grained_groups",
            "filters parameters. default is yes for the ruleset commands use without --ruleset or --rules;",
            "source is the kernel file and commit the rules were written from; encodings counts the",
            "configured encodings after range expansion. Select one with --ruleset NAME.",
        ],
        Examples:
        [
            "nvtrap rulesets --format text",
            "nvtrap table --ruleset linux-6.6",
        ]);

    public static Command Create(CliContext context)
    {
        var format = FormatOption.Create();
        var command = new Command("rulesets", "List the built-in rulesets with their kernel source and counts.");
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            TableFormat.Write(context.Output, parseResult.GetValue(format)!, Header, BuiltInRulesets.All.Select(r => Row(r, context.Rulesets.BuiltIn(r))).ToList());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string[] Row(BuiltInRuleset builtIn, RulesetHandle ruleset)
    {
        var kinds = Enumerable.Range(1, ruleset.GroupCount).Select(ruleset.KindOf).ToList();
        var names = ruleset.Names;
        return new[]
        {
            builtIn.Name,
            builtIn == BuiltInRulesets.Default ? "yes" : "no",
            builtIn.Source,
            Number(ruleset.ConfiguredEncodings.Length),
            Number(kinds.Count(k => k == RuleGroupKind.Control)),
            Number(kinds.Count(k => k == RuleGroupKind.Combination)),
            Number(kinds.Count(k => k == RuleGroupKind.Condition)),
            Number(names.FineGrainedGroupCount),
            Number(names.FilterCount),
            Number(names.ParameterCount),
        };
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
