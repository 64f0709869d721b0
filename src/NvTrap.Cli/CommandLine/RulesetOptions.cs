using System.CommandLine;
using NvTrap.Cli.Rulesets;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// How a command that decides or lists is told its ruleset: the recursive <c>--rules PATH</c>
/// every command shares, and its own <c>--ruleset NAME</c> for a built-in one.
/// </summary>
internal sealed class RulesetOptions
{
    public RulesetOptions(Option<string> rules)
    {
        Rules = rules;
        Ruleset = new Option<string>("--ruleset")
        {
            Description = $"Use this built-in ruleset ({BuiltInRulesets.Names}; default {BuiltInRulesets.Default.Name}). 'nvtrap rulesets' lists them.",
            HelpName = "NAME",
        };
    }

    public Option<string> Rules { get; }

    public Option<string> Ruleset { get; }

    /// <summary>Adds <c>--ruleset</c> to a command (<c>--rules</c> is the root's, for every command).</summary>
    public T AddTo<T>(T command)
        where T : Command
    {
        command.Options.Add(Ruleset);
        return command;
    }

    public RulesetSelection Selection(ParseResult parseResult) => new(parseResult.GetValue(Rules), parseResult.GetValue(Ruleset));
}
