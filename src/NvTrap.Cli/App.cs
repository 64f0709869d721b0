using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using NvTrap.Cli.CommandLine;

namespace NvTrap.Cli;

/// <summary>
/// The tool's entry point with its streams passed in, so tests run every command exactly as the
/// executable does and read what it printed.
/// </summary>
internal static class App
{
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var context = new CliContext(input, output, error);

        // First pass: learn the command and the --rules path. explain's options are the ruleset's
        // registers, so for explain the ruleset is loaded (once: the provider keeps it) and the
        // command line is parsed again with those options.
        var tree = CommandTree.Build(context, Array.Empty<string>());
        var parsed = tree.Root.Parse(args);
        if (parsed.CommandResult.Command == tree.Explain)
        {
            var ruleset = context.Rulesets.Get(tree.ExplainRulesets.Selection(parsed), error, out int exitCode);
            if (ruleset is null)
            {
                return exitCode;
            }

            tree = CommandTree.Build(context, ruleset.RegisterNames);
            parsed = tree.Root.Parse(args);
        }

        if (parsed.Action is ParseErrorAction)
        {
            if (parsed.CommandResult.Command == tree.Root && parsed.UnmatchedTokens.Count > 0)
            {
                // The first word is not a command: every other complaint follows from that one.
                error.WriteLine($"nvtrap: {UnknownCommand.Describe(tree.Root, parsed.UnmatchedTokens[0])}");
            }
            else if (UnknownOption.Describe(parsed) is { } unknownOption)
            {
                // A word taken for an option is the cause; the parser's other errors follow from it.
                error.WriteLine($"nvtrap: {unknownOption}");
            }
            else
            {
                foreach (var problem in parsed.Errors)
                {
                    error.WriteLine($"nvtrap: {problem.Message}");
                }
            }

            error.WriteLine($"Run '{CommandPath(parsed.CommandResult.Command)} --help' for usage.");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Failures are reported by the commands themselves; anything else is a bug and should
            // surface as one, not be folded into exit code 1.
            EnableDefaultExceptionHandler = false,
        });
    }

    private static string CommandPath(Command command)
    {
        string path = command.Name;
        foreach (var parent in command.Parents)
        {
            if (parent is Command outer)
            {
                path = CommandPath(outer) + " " + path;
                break;
            }
        }

        return path;
    }
}
