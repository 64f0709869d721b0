using System.CommandLine;
using System.CommandLine.Parsing;

namespace NvTrap.Cli.CommandLine;

/// <summary>Options and arguments that take one hexadecimal value, rejected with a located message when malformed.</summary>
internal static class HexOptions
{
    public static Option<ulong> Option(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "HEX",
        CustomParser = result => Parse(result, name),
    };

    public static Argument<ulong> Argument(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result, name),
    };

    private static ulong Parse(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 0)
        {
            result.AddError($"{name} needs a hexadecimal value.");
            return 0;
        }

        if (HexValue.TryParse(result.Tokens[0].Value, out ulong value, out string? problem))
        {
            return value;
        }

        result.AddError($"{name}: {problem}.");
        return 0;
    }
}
