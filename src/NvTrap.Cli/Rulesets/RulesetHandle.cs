using System.Collections.Generic;

namespace NvTrap.Cli.Rulesets;

/// <summary>
/// A ruleset the commands can decide with and list: the prebuilt Linux ruleset or one compiled
/// from YAML at run time. Both go through the runtime's <see cref="TrapEngine"/> and
/// <see cref="TrapExplainer"/> and read their tables through <see cref="RuleTables"/>; only the
/// <see cref="ITrapRules"/> behind them differs.
/// </summary>
internal abstract class RulesetHandle
{
    private string[]? _registerNames;

    protected RulesetHandle(string origin) => Origin = origin;

    /// <summary>Where the rules came from: "built in" or the path given to <c>--rules</c>.</summary>
    public string Origin { get; }

    /// <summary>Every configured encoding, ascending.</summary>
    public abstract SysRegEncoding[] ConfiguredEncodings { get; }

    /// <summary>Number of groups; ids run 1..GroupCount (0 means none).</summary>
    public abstract int GroupCount { get; }

    public abstract RulesetNames Names { get; }

    public string Name => Names.RulesetName;

    /// <summary>The register names by index, as options, columns and state files refer to them.</summary>
    public IReadOnlyList<string> RegisterNames => _registerNames ??= ReadRegisterNames(Names);

    /// <summary>The registers the ruleset sanitises (bit n for register n).</summary>
    public abstract uint SanitisedRegisters { get; }

    /// <summary>The profile of a full-featured VM: the ruleset's defaults.</summary>
    public abstract VmProfile DefaultVm();

    public abstract TrapDecision Decide(in VcpuState state, Esr esr);

    public abstract TrapDecision Decide(in VcpuState state, in VmProfile vm, Esr esr);

    public abstract TrapExplanation Explain(in VcpuState state, in VmProfile vm, Esr esr);

    /// <summary>The packed trap config of an encoding, 0 if none.</summary>
    public abstract uint Lookup(SysRegEncoding encoding);

    /// <summary>A group's kind.</summary>
    public abstract RuleGroupKind KindOf(int group);

    /// <summary>A group's flattened members.</summary>
    public abstract MemberTest[] MembersOf(int group);

    private static string[] ReadRegisterNames(RulesetNames names)
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

    private SysRegEncoding[]? _configured;

    public RulesetHandle(TRules rules, string origin)
        : base(origin)
    {
        _rules = rules;
    }

    /// <summary>The rules themselves, for tests that compare them with generated ones.</summary>
    public TRules Rules => _rules;

    public override SysRegEncoding[] ConfiguredEncodings => _configured ??= RuleTables.ConfiguredEncodings(_rules);

    public override int GroupCount => RuleTables.GroupCount(_rules);

    public override RulesetNames Names => _rules.Names;

    public override uint Lookup(SysRegEncoding encoding) => RuleTables.Lookup(_rules, encoding);

    public override RuleGroupKind KindOf(int group) => RuleTables.KindOf(_rules, group);

    public override MemberTest[] MembersOf(int group) => RuleTables.MembersOf(_rules, group);

    public override TrapDecision Decide(in VcpuState state, Esr esr) => TrapEngine.Decide(_rules, state, esr);

    public override uint SanitisedRegisters => _rules.SanitisedRegisters;

    public override VmProfile DefaultVm() => VmProfile.Defaults(_rules);

    public override TrapDecision Decide(in VcpuState state, in VmProfile vm, Esr esr) => TrapEngine.Decide(_rules, state, vm, esr);

    public override TrapExplanation Explain(in VcpuState state, in VmProfile vm, Esr esr) => TrapExplainer.Explain(_rules, state, vm, esr);
}
