using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace NvTrap.Benchmarks.Generation;

/// <summary>
/// The IDE's common case: after a first run, an unrelated C# edit. Every generator step must
/// come from the cache, so the cost is the driver's bookkeeping and should not grow with the rules.
/// </summary>
[MemoryDiagnoser]
public class IncrementalGeneratorBenchmarks : RulesetScenarioBenchmark
{
    [GlobalSetup]
    public void Setup()
    {
        CreateScenario();
        Scenario.RunAfterUnrelatedEdit();
    }

    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => Scenario.RunAfterUnrelatedEdit();
}
