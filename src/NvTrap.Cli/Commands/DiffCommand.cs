using System.CommandLine;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Diffing;

namespace NvTrap.Cli.Commands;

/// <summary><c>nvtrap diff A B</c>: what changed from ruleset A to ruleset B.</summary>
internal static class DiffCommand
{
    public static readonly CommandHelp Help = new(
        Notes:
        [
            "A and B are each a built-in ruleset's name (see 'nvtrap rulesets') or the path of a rule file or",
            "folder of *.nvtrap.yaml files. Encodings are compared as 'nvtrap table' lists them (group,",
            "fine-grained group, bit, polarity, filter), groups as 'nvtrap groups' lists them (kind, register,",
            "mask, value, behaviour, members, condition), and filters, parameters, sanitised registers and the",
            "context tests by name. --format tsv writes one change per row: change (added, removed, changed),",
            "kind, name, field, old, new; json the same with a summary; text a summary, then encodings that",
            "changed alike together. The exit code is 0 whether or not the rulesets differ.",
        ],
        Examples:
        [
            "nvtrap diff linux-6.6 rules/my-ruleset/",
            "nvtrap diff old-rules/ new-rules/ --format tsv",
        ]);

    public static Command Create(CliContext context)
    {
        var from = new Argument<string>("A") { Description = "The ruleset to compare from: a built-in name or a rules path." };
        var to = new Argument<string>("B") { Description = "The ruleset to compare to: a built-in name or a rules path." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (for people), tsv (one change per row) or json.",
            HelpName = "text|tsv|json",
            DefaultValueFactory = _ => DiffWriter.Text,
        };
        format.AcceptOnlyFromAmong(DiffWriter.Formats);
        var command = new Command("diff", "Show what changed between two rulesets: encodings, groups, fine-grained bits, filters, parameters, registers and context.");
        command.Arguments.Add(from);
        command.Arguments.Add(to);
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            var a = context.Rulesets.GetByNameOrPath(parseResult.GetValue(from)!, context.Error, out int exitCode);
            if (a is null)
            {
                return exitCode;
            }

            var b = context.Rulesets.GetByNameOrPath(parseResult.GetValue(to)!, context.Error, out exitCode);
            if (b is null)
            {
                return exitCode;
            }

            var (listingA, listingB) = (RulesetListing.Of(a), RulesetListing.Of(b));
            DiffWriter.Write(context.Output, parseResult.GetValue(format)!, listingA, listingB, RulesetDiff.Compare(listingA, listingB));
            return ExitCodes.Ok;
        });
        return command;
    }
}
