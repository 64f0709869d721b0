using System.Collections.Generic;

namespace NvTrap.Cli.Rulesets;

/// <summary>
/// A ruleset the commands can decide with and list: the prebuilt Linux ruleset or one compiled
/// from YAML at run time. Both go through the runtime's <see cref="TrapEngine"/> and
/// <see cref="TrapExplainer"/>; only the <see cref="ITrapRules"/> behind them differs.
/// </summary>
internal abstract class RulesetHandle
{
    private string[]? _registerNames;

    protected RulesetHandle(string origin, IReadOnlyList<ushort> configuredEncodings, int groupCount)
    {
        Origin = origin;
        ConfiguredEncodings = configuredEncodings;
        GroupCount = groupCount;
    }

    /// <summary>Where the rules came from: "built in" or the path given to <c>--rules</c>.</summary>
    public string Origin { get; }

    /// <summary>Every configured encoding, ascending.</summary>
    public IReadOnlyList<ushort> ConfiguredEncodings { get; }

    /// <summary>Number of groups; ids run 1..GroupCount (0 means none).</summary>
    public int GroupCount { get; }

    /// <summary>The tables, boxed: for listing commands, where speed does not matter.</summary>
    public abstract ITrapRules Rules { get; }

    public ITrapRuleNames Names => Rules.Names;

    public string Name => Names.RulesetName;

    /// <summary>The register names by index, as options, columns and state files refer to them.</summary>
    public IReadOnlyList<string> RegisterNames => _registerNames ??= ReadRegisterNames(Names);

    public abstract TrapDecision Decide(in VcpuState state, Esr esr);

    public abstract TrapExplanation Explain(in VcpuState state, Esr esr);

    private static string[] ReadRegisterNames(ITrapRuleNames names)
    {
        var registers = new string[names.RegisterCount];
        for (int i = 0; i < registers.Length; i++)
        {
            registers[i] = names.RegisterName(i);
        }

        return registers;
    }
}

/// <summary>A ruleset over a concrete <see cref="ITrapRules"/> struct, so deciding is specialized and unboxed.</summary>
internal sealed class RulesetHandle<TRules> : RulesetHandle
    where TRules : struct, ITrapRules
{
    private readonly TRules _rules;

    public RulesetHandle(TRules rules, string origin, IReadOnlyList<ushort> configuredEncodings, int groupCount)
        : base(origin, configuredEncodings, groupCount)
    {
        _rules = rules;
    }

    public override ITrapRules Rules => _rules;

    public override TrapDecision Decide(in VcpuState state, Esr esr) => TrapEngine.Decide(_rules, state, esr);

    public override TrapExplanation Explain(in VcpuState state, Esr esr) => TrapExplainer.Explain(_rules, state, esr);
}
