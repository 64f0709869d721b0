using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NvTrap.Benchmarks.Generation;
using NvTrap.Compiler;

namespace NvTrap.Benchmarks.Adversarial;

/// <summary>
/// The compiler on <see cref="AdversarialInputs"/>: <see cref="Check"/> is what <c>nvtrap check</c>
/// does (parse, bind, check, lower), <see cref="Build"/> what a clean <c>dotnet build</c> of the
/// consumer does (the generator, then compiling the generated code). Each operation takes long
/// enough that a few iterations give a stable figure.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class AdversarialBenchmarks
{
    private RuleSource _source = null!;
    private GeneratorScenario _scenario = null!;

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = AdversarialInputs.FullSpaceRange;

    public static IEnumerable<string> Inputs => AdversarialInputs.Names;

    [GlobalSetup]
    public void Setup()
    {
        _source = AdversarialInputs.Source(Input);
        _scenario = new GeneratorScenario(BenchmarkRulesets.Unchecked(Input, "t", "T", new[] { _source }));
        _scenario.LoadReferences();
    }

    [Benchmark]
    public int Check() => RuleCompiler.Compile(new[] { _source }).Diagnostics.Count;

    [Benchmark]
    public long Build() => _scenario.BuildFull().AssemblyBytes;
}
