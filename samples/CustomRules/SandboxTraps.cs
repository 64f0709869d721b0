using NvTrap;

namespace CustomRules;

/// <summary>The sandbox ruleset from rules/sandbox.nvtrap.yaml, compiled by the NvTrap generator.</summary>
[NvTrapRuleset("sandbox")]
public static partial class SandboxTraps
{
}
