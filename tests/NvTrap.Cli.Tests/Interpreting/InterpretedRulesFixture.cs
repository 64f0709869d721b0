using NvTrap.Cli.Interpreting;
using NvTrap.Cli.Rulesets;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>Rule files compiled at run time and interpreted, as <c>nvtrap --rules PATH</c> loads them; loaded once per test class.</summary>
public abstract class InterpretedRulesFixture
{
    protected InterpretedRulesFixture(string path)
    {
        var errors = new StringWriter();
        var loaded = RulesetLoader.Load(path, errors, out int exitCode);
        Assert.True(loaded is not null, errors.ToString());
        Assert.Equal(0, exitCode);
        Handle = loaded;
        Rules = ((RulesetHandle<InterpretedRules>)loaded).Rules;
    }

    internal RulesetHandle Handle { get; }

    internal InterpretedRules Rules { get; }
}
