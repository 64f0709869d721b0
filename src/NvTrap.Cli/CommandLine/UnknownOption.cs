using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Linq;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// What a command says about a word that looks like an option but is not one of its own, such as
/// <c>nvtrap decode --esr 0x62300860</c>. System.CommandLine takes such a word for an argument,
/// so alone it reports the consequences ("'--esr' is not hexadecimal", then "Unrecognized command
/// or argument '0x62300860'") and never the cause. This names the cause, once, and the errors that
/// follow from it are not printed.
/// </summary>
internal static class UnknownOption
{
    private const int MaxListed = 8;

    /// <summary>
    /// The message for the first word of <paramref name="parsed"/> that starts with '-' and is
    /// neither an option of its command nor the value of one; null when there is none.
    /// </summary>
    public static string? Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var options = OptionsOf(command);
        bool valueExpected = false;
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                // After '--' every word is an argument, whatever it starts with.
                return null;
            }

            if (token.Type == TokenType.Option)
            {
                valueExpected = options.FirstOrDefault(o => o.Name == token.Value || o.Aliases.Contains(token.Value)) is { } option
                    && option.Arity.MaximumNumberOfValues > 0;
                continue;
            }

            bool isValue = valueExpected;
            valueExpected = false;
            if (isValue || token.Type != TokenType.Argument || token.Value.Length < 2 || token.Value[0] != '-')
            {
                continue;
            }

            return Message(command, options, token.Value);
        }

        return null;
    }

    private static string Message(Command command, IReadOnlyList<Option> options, string word)
    {
        string shown = HexValue.Quote(word);
        string head = $"{command.Name} has no option {shown}";

        // "decode --esr X": the word names the command's argument, which is given without a flag.
        string bare = word.TrimStart('-');
        if (command.Arguments.FirstOrDefault(a => string.Equals(a.Name, bare, System.StringComparison.OrdinalIgnoreCase)) is { } argument)
        {
            return $"{head}; give the {argument.Name} on its own, without {shown}: nvtrap {command.Name} <{argument.Name}>.";
        }

        var names = options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
        if (UnknownCommand.Suggest(word, names) is { } suggestion)
        {
            return $"{head}; did you mean '{suggestion}'?";
        }

        // A short list helps; a long one (explain has an option a register) would bury the line,
        // and the pointer to --help that follows lists them all.
        var visible = options.Where(o => !o.Hidden && o is not HelpOption and not VersionOption).Select(o => o.Name).ToList();
        return visible.Count <= MaxListed ? $"{head}; its options are {string.Join(", ", visible)}." : $"{head}.";
    }

    /// <summary>The command's own options and the recursive ones of its parents (such as --help).</summary>
    private static List<Option> OptionsOf(Command command)
    {
        var options = new List<Option>(command.Options);
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options.AddRange(parent.Options.Where(o => o.Recursive));
        }

        return options;
    }
}
