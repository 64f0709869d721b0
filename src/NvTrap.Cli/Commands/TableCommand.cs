using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.Commands;

/// <summary><c>nvtrap table</c>: every configured encoding after range expansion, one row each.</summary>
internal static class TableCommand
{
    public static readonly string[] Header = { "op0", "op1", "crn", "crm", "op2", "name", "group", "fgt_group", "fgt_bit", "fgt_polarity", "filter" };

    public static readonly CommandHelp Help = new(
        Notes:
        [
            "Columns: op0 op1 crn crm op2 name group fgt_group fgt_bit fgt_polarity filter, one row per",
            "configured encoding after range expansion, sorted by encoding. name comes from the catalogue;",
            "fgt_polarity is set or clear (the bit value that traps); filter is the fine-grained filter that",
            "can switch the entry off; - where there is none.",
        ],
        Examples:
        [
            "nvtrap table > linux-6.6.tsv",
            "nvtrap table --format text",
            "nvtrap table --rules my-rules/",
        ]);

    public static Command Create(CliContext context, RulesetOptions rulesets) =>
        TabularCommand.Create("table", "List every configured encoding with its name, coarse group and fine-grained bit.", context, rulesets, Header, Rows);

    /// <summary>The rows, read through <see cref="RuleTables"/> so built-in and compiled rulesets list alike.</summary>
    public static IReadOnlyList<string[]> Rows(RulesetHandle ruleset)
    {
        var names = ruleset.Names;
        var rows = new List<string[]>(ruleset.ConfiguredEncodings.Length);
        foreach (var encoding in ruleset.ConfiguredEncodings)
        {
            ushort value = encoding.Value;
            uint config = ruleset.Lookup(encoding);
            int group = TrapConfigLayout.Group(config);
            int fineGrained = TrapConfigLayout.FineGrainedGroup(config);
            rows.Add(new[]
            {
                Number(encoding.Op0),
                Number(encoding.Op1),
                Number(encoding.CRn),
                Number(encoding.CRm),
                Number(encoding.Op2),
                Cell.Of(names.SysRegName(value)),
                group == 0 ? Cell.None : Cell.Of(names.GroupName(group)),
                fineGrained == 0 ? Cell.None : Cell.Of(names.FineGrainedGroupName(fineGrained)),
                fineGrained == 0 ? Cell.None : Number(TrapConfigLayout.Bit(config)),
                fineGrained == 0 ? Cell.None : TrapConfigLayout.Polarity(config) == 1 ? "set" : "clear",
                TrapConfigLayout.Filter(config) is int filter and not 0 ? Cell.Of(names.FilterName(filter)) : Cell.None,
            });
        }

        return rows;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
