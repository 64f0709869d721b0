using System;
using System.Collections.Generic;
using System.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// A command that prints one table about a ruleset (<c>table</c>, <c>groups</c>): the same
/// <c>--format tsv|text</c> option, ruleset loading and error handling, different rows.
/// </summary>
internal static class TabularCommand
{
    public static Command Create(string name, string description, CliContext context, RulesetOptions rulesets, string[] header, Func<RulesetHandle, IReadOnlyList<string[]>> rows)
    {
        var format = FormatOption.Create();
        var command = new Command(name, description);
        command.Options.Add(format);
        rulesets.AddTo(command);
        command.SetAction(parseResult =>
        {
            var ruleset = context.Rulesets.Get(rulesets.Selection(parseResult), context.Error, out int exitCode);
            if (ruleset is null)
            {
                return exitCode;
            }

            TableFormat.Write(context.Output, parseResult.GetValue(format)!, header, rows(ruleset));
            return ExitCodes.Ok;
        });
        return command;
    }
}
