using System.Collections.Generic;
using NvTrap.Cli.Rulesets;

namespace NvTrap.Cli.Explaining;

/// <summary>One <c>explain</c>: the ruleset, the trap, the vCPU state and VM profile (its file, if any) it was decided in, and the decision's chain.</summary>
internal sealed record ExplainRequest(RulesetHandle Ruleset, Esr Esr, VcpuState State, string? VmProfilePath, TrapExplanation Explanation)
{
    /// <summary>Every register of the ruleset with the value the decision saw.</summary>
    public IReadOnlyList<KeyValuePair<string, ulong>> Registers
    {
        get
        {
            var names = Ruleset.RegisterNames;
            var registers = new List<KeyValuePair<string, ulong>>(names.Count);
            for (int i = 0; i < names.Count; i++)
            {
                registers.Add(new KeyValuePair<string, ulong>(names[i], State.ReadRegister(i)));
            }

            return registers;
        }
    }
}
