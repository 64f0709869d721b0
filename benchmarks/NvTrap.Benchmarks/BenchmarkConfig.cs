using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace NvTrap.Benchmarks;

/// <summary>The full suite's configuration: the defaults plus the memory diagnoser on every benchmark.</summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() => DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
}
