using BenchmarkDotNet.Attributes;

namespace NvTrap.Benchmarks.Generation;

/// <summary>What the generator benchmarks share: the ruleset size parameter and its verified scenario.</summary>
public abstract class RulesetScenarioBenchmark
{
    [ParamsSource(nameof(Rulesets))]
    public string Ruleset { get; set; } = BenchmarkRulesets.Linux;

    public static IEnumerable<string> Rulesets => BenchmarkRulesets.Keys;

    internal GeneratorScenario Scenario { get; private set; } = null!;

    /// <summary>Builds the scenario for <see cref="Ruleset"/> and checks the generator's output once.</summary>
    protected void CreateScenario()
    {
        Scenario = new GeneratorScenario(BenchmarkRulesets.Get(Ruleset));
        Scenario.Verify();
    }
}
