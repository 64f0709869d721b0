using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;

namespace NvTrap.Benchmarks.Generation;

/// <summary>
/// One full run of the generator driver (a clean build's work: parse every rule file, bind,
/// check, lower, build and verify the lookup, emit C#) on the Linux rules and on synthetic
/// rulesets 10x and 100x larger. Divide by the ruleset's configured encodings for the cost per
/// entry. Much of the generator runs once per run, so the tiered JIT needs about 30 runs before
/// it is optimized: thirty warm-up iterations of at least half a second each cover that for every size.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, warmupCount: 30, iterationCount: 15)]
public class GeneratorBenchmarks : RulesetScenarioBenchmark
{
    [GlobalSetup]
    public void Setup() => CreateScenario();

    [Benchmark]
    public GeneratorDriver FullRun() => Scenario.RunFull();
}
