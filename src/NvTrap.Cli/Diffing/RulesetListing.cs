using System.Collections.Generic;
using System.Linq;
using NvTrap.Cli.Commands;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.Diffing;

/// <summary>
/// What a ruleset says, as named facts keyed for comparison: the rows of <c>nvtrap table</c> by
/// encoding and of <c>nvtrap groups</c> by name (so a diff compares exactly what the listings
/// show), and its filters, parameters, sanitised registers and context tests.
/// </summary>
internal sealed class RulesetListing
{
    private RulesetListing(RulesetHandle ruleset)
    {
        Name = ruleset.Name;
        Encodings = TableCommand.Rows(ruleset).ToDictionary(r => $"S{r[0]}_{r[1]}_C{r[2]}_C{r[3]}_{r[4]}", r => r);
        Groups = GroupsCommand.Rows(ruleset).ToDictionary(r => r[0], r => r);
        var names = ruleset.Names;
        Filters = Enumerable.Range(1, names.FilterCount).ToDictionary(names.FilterName, f => new[] { names.FilterText(f) ?? Cell.None });
        Parameters = Enumerable.Range(0, names.ParameterCount).ToDictionary(names.ParameterName, p =>
        {
            var (min, max) = names.ParameterRange(p);
            return new[] { Number(ruleset.DefaultVm().Parameter(p)), $"{Number(min)}..{Number(max)}" };
        });
        var vm = ruleset.DefaultVm();
        Registers = Enumerable.Range(0, names.RegisterCount).ToDictionary(names.RegisterName, r =>
            vm.IsSanitised(r) ? new[] { HexValue.Format(vm.Res0(r)), HexValue.Format(vm.Res1(r)) } : new[] { Cell.None, Cell.None });
        Context = new Dictionary<string, string[]> { ["context"] = new[] { names.HypervisorContext, names.HostEl0 ?? Cell.None } };
    }

    public string Name { get; }

    /// <summary><c>table</c>'s rows by generic encoding name.</summary>
    public Dictionary<string, string[]> Encodings { get; }

    /// <summary><c>groups</c>' rows by group name.</summary>
    public Dictionary<string, string[]> Groups { get; }

    /// <summary>Filter expressions by filter name.</summary>
    public Dictionary<string, string[]> Filters { get; }

    /// <summary>Default and range by parameter name.</summary>
    public Dictionary<string, string[]> Parameters { get; }

    /// <summary>Default RES0 and RES1 by register name (- for a register read as it is).</summary>
    public Dictionary<string, string[]> Registers { get; }

    /// <summary>The hypervisor-context and host-EL0 tests.</summary>
    public Dictionary<string, string[]> Context { get; }

    public static RulesetListing Of(RulesetHandle ruleset) => new(ruleset);

    private static string Number(ulong value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
