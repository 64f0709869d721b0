namespace NvTrapRulesProject;

/// <summary>
/// The ruleset "my-hypervisor" from rules/my-hypervisor.nvtrap.yaml. The NvTrap generator fills
/// in this class at build time: Decide, Explain, State, Registers, Groups and the tables.
/// </summary>
[NvTrap.NvTrapRuleset("my-hypervisor")]
public static partial class MyTraps
{
}
