using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace NvTrap.Benchmarks.Generation;

/// <summary>
/// The IDE's common case: after a first run, an unrelated C# edit. Every generator step must
/// come from the cache, so the cost is the driver's bookkeeping and should not grow with the rules.
/// </summary>
[MemoryDiagnoser]
public class IncrementalGeneratorBenchmarks
{
    private GeneratorScenario _scenario = null!;

    [ParamsSource(nameof(Rulesets))]
    public string Ruleset { get; set; } = BenchmarkRulesets.Linux;

    public static IEnumerable<string> Rulesets => BenchmarkRulesets.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new GeneratorScenario(BenchmarkRulesets.Get(Ruleset));
        _scenario.Verify();
        _scenario.RunAfterUnrelatedEdit();
    }

    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _scenario.RunAfterUnrelatedEdit();
}
