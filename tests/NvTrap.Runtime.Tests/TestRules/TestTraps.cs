namespace NvTrap.Runtime.Tests;

/// <summary>The test ruleset, compiled by the generator into this test assembly.</summary>
[NvTrapRuleset("test")]
internal static partial class TestTraps
{
}
