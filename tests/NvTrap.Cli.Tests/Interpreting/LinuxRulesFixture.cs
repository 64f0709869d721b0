using NvTrap.Cli.Interpreting;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>The Linux 6.6 rule files compiled at run time and interpreted, as <c>--rules rules/linux-6.6</c> does.</summary>
public sealed class LinuxRulesFixture
{
    public LinuxRulesFixture()
    {
        var errors = new StringWriter();
        var loaded = RulesetLoader.Load(TestPaths.LinuxRules, errors, out int exitCode);
        Assert.True(loaded is not null, errors.ToString());
        Assert.Equal(0, exitCode);
        Handle = loaded;
        Rules = ((RulesetHandle<InterpretedRules>)loaded).Rules;
    }

    internal RulesetHandle Handle { get; }

    internal InterpretedRules Rules { get; }
}
