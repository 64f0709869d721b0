using System.IO;
using NvTrap.Cli.Rulesets;

namespace NvTrap.Cli.CommandLine;

/// <summary>What a command runs with: the three standard streams and the ruleset source.</summary>
internal sealed class CliContext
{
    public CliContext(TextReader input, TextWriter output, TextWriter error)
    {
        Input = input;
        Output = output;
        Error = error;
    }

    public TextReader Input { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public RulesetProvider Rulesets { get; } = new();
}
