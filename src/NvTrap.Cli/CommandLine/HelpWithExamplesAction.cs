using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// The standard help, followed by the command's notes, the exit codes and examples.
/// System.CommandLine 2.0 keeps its help layout internal, so these sections are appended after
/// the standard action has written its part.
/// </summary>
internal sealed class HelpWithExamplesAction : SynchronousCommandLineAction
{
    private readonly HelpAction _standard;
    private readonly IReadOnlyDictionary<Command, CommandHelp> _help;

    public HelpWithExamplesAction(HelpAction standard, IReadOnlyDictionary<Command, CommandHelp> help)
    {
        _standard = standard;
        _help = help;
    }

    public override int Invoke(ParseResult parseResult)
    {
        int exitCode = _standard.Invoke(parseResult);
        if (_help.TryGetValue(parseResult.CommandResult.Command, out var help))
        {
            var output = parseResult.InvocationConfiguration.Output;
            Section(output, "Notes:", help.Notes);
            Section(output, "Exit codes:", ExitCodeLines());
            Section(output, "Examples:", help.Examples);
        }

        return exitCode;
    }

    /// <summary>Every command's help lists the exit codes, from the one place they are defined.</summary>
    private static string[] ExitCodeLines()
    {
        var lines = new string[ExitCodes.Meanings.Count];
        for (int i = 0; i < lines.Length; i++)
        {
            var (code, meaning) = ExitCodes.Meanings[i];
            lines[i] = $"{code}  {meaning}";
        }

        return lines;
    }

    private static void Section(System.IO.TextWriter output, string title, string[] lines)
    {
        if (lines.Length == 0)
        {
            return;
        }

        output.WriteLine(title);
        foreach (string line in lines)
        {
            output.WriteLine(line.Length == 0 ? string.Empty : "  " + line);
        }

        output.WriteLine();
    }
}
