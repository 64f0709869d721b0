using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using NvTrap.Cli.Commands;
using NvTrap.Cli.Rulesets;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// The command line: <c>nvtrap</c> and its commands, with the recursive <c>--rules</c> option and
/// <c>--ruleset</c> on each command that decides or lists. <c>explain</c>'s register options
/// depend on the ruleset, so the tree is built for a given list of register names (none while the
/// ruleset is not yet known).
/// </summary>
internal sealed class CommandTree
{
    private CommandTree(Command root, Command explain, RulesetOptions explainRulesets)
    {
        Root = root;
        Explain = explain;
        ExplainRulesets = explainRulesets;
    }

    private static readonly CommandHelp RootHelp = new(
        Notes: [],
        Examples:
        [
            "nvtrap explain --esr 0x62300860 --hcr-el2 0x4000000    # why is this TTBR0_EL1 write forwarded?",
            "nvtrap eval samples/eval/accesses.tsv",
            "nvtrap check rules/",
        ]);

    public Command Root { get; }

    public Command Explain { get; }

    /// <summary>How <c>explain</c> was told its ruleset.</summary>
    public RulesetOptions ExplainRulesets { get; }

    public static CommandTree Build(CliContext context, IReadOnlyList<string> explainRegisters)
    {
        // A plain command named "nvtrap" rather than RootCommand, whose name is the executable's
        // file name ("NvTrap.Cli" when run with `dotnet`, the test host's name in tests).
        var root = new Command("nvtrap", "Decide, explain and check how an ARM64 host forwards a nested guest's system-register traps (ESR EC 0x18) to the guest hypervisor. "
            + $"Uses a built-in Linux KVM ruleset ({BuiltInRulesets.Default.Name} unless --ruleset names another), or the *.nvtrap.yaml rules that --rules names.");
        var rules = new Option<string>("--rules")
        {
            Description = "Compile this rule file or folder of *.nvtrap.yaml files at run time and use it instead of a built-in ruleset.",
            HelpName = "PATH",
            Recursive = true,
        };

        var explainRulesets = new RulesetOptions(rules);
        var explain = ExplainCommand.Create(context, explainRulesets, explainRegisters);
        var help = new Dictionary<Command, CommandHelp> { [root] = RootHelp };
        void Add(Command command, CommandHelp commandHelp)
        {
            root.Subcommands.Add(command);
            help[command] = commandHelp;
        }

        Add(DecodeCommand.Create(context, new RulesetOptions(rules)), DecodeCommand.Help);
        Add(explain, ExplainCommand.Help);
        Add(EvalCommand.Create(context, new RulesetOptions(rules)), EvalCommand.Help);
        Add(CheckCommand.Create(context, rules), CheckCommand.Help);
        Add(TableCommand.Create(context, new RulesetOptions(rules)), TableCommand.Help);
        Add(GroupsCommand.Create(context, new RulesetOptions(rules)), GroupsCommand.Help);
        Add(RulesetsCommand.Create(context), RulesetsCommand.Help);
        Add(ImportCommand.Create(context), ImportCommand.Help);
        Add(ExportCommand.Create(context, new RulesetOptions(rules)), ExportCommand.Help);
        Add(DiffCommand.Create(context), DiffCommand.Help);
        Add(ExplainDiagnosticCommand.Create(context), ExplainDiagnosticCommand.Help);

        var helpOption = new HelpOption();
        helpOption.Action = new HelpWithExamplesAction((HelpAction)helpOption.Action!, help);
        var version = new VersionOption { Action = new VersionAction() };
        root.Options.Add(helpOption);
        root.Options.Add(version);
        root.Options.Add(rules);
        // Without an action of its own, `nvtrap` alone would be a parse error ("Required command was not provided").
        root.SetAction(_ => UnknownCommand.NoCommand(context, root));
        return new CommandTree(root, explain, explainRulesets);
    }
}
