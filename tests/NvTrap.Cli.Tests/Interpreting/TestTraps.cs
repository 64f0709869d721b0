namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>
/// The runtime tests' sample ruleset (tests/NvTrap.Runtime.Tests/TestRules/test.nvtrap.yaml),
/// compiled by the generator into this test assembly, to compare the interpreter with.
/// </summary>
[NvTrapRuleset("test")]
internal static partial class TestTraps
{
}
