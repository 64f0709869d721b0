using NvTrap.Cli.Interpreting;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>The sample ruleset compiled at run time and interpreted, as <c>--rules TestRules</c> does.</summary>
public sealed class TestRulesFixture
{
    public TestRulesFixture()
    {
        var errors = new StringWriter();
        var loaded = RulesetLoader.Load(TestPaths.TestRules, errors, out int exitCode);
        Assert.True(loaded is not null, errors.ToString());
        Assert.Equal(0, exitCode);
        Rules = ((RulesetHandle<InterpretedRules>)loaded).Rules;
    }

    internal InterpretedRules Rules { get; }
}
