using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;

namespace NvTrap.Benchmarks.Generation;

/// <summary>
/// The first generator run in a fresh process on the Linux rules: what a build pays when the
/// compiler server is not running (this environment disables it), including the JIT of the
/// generator, YamlDotNet and the driver. Each launch is a new process measured once.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class GeneratorColdStartBenchmarks
{
    private GeneratorScenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Only what a build has done before generators run: the rules read and the references loaded.
        _scenario = new GeneratorScenario(BenchmarkRulesets.Get(BenchmarkRulesets.Linux, verify: false));
        _scenario.LoadReferences();
    }

    [Benchmark]
    public GeneratorDriver ColdFullRun() => _scenario.RunFull();
}
