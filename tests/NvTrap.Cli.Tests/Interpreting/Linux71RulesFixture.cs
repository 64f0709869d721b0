using NvTrap.Cli.Interpreting;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>The Linux 7.1 rule files compiled at run time and interpreted, as <c>--rules rules/linux-7.1</c> does.</summary>
public sealed class Linux71RulesFixture
{
    public Linux71RulesFixture()
    {
        var errors = new StringWriter();
        var loaded = RulesetLoader.Load(TestPaths.Linux71Rules, errors, out int exitCode);
        Assert.True(loaded is not null, errors.ToString());
        Assert.Equal(0, exitCode);
        Handle = loaded;
        Rules = ((RulesetHandle<InterpretedRules>)loaded).Rules;
    }

    internal RulesetHandle Handle { get; }

    internal InterpretedRules Rules { get; }
}
