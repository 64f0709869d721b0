using System.Globalization;
using NvTrap.Benchmarks.Decisions;
using NvTrap.Benchmarks.Generation;
using NvTrap.Benchmarks.Inputs;

namespace NvTrap.Benchmarks.Quick;

/// <summary>
/// The quick mode: the same benchmark classes the full suite runs, measured by
/// <see cref="Sampler"/> with short warm-ups and few samples so the whole run fits in well under
/// three minutes on two cores. Prints tables first and, last, one line per comparison:
/// <c>ratio &lt;structure&gt;/&lt;pattern&gt;: x.xx</c> (the structure's time over the generated
/// code's, so above 1 means the generated code is faster), then
/// <c>generator ns/entry &lt;ruleset&gt;: n</c>.
/// </summary>
internal static class QuickRunner
{
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan SampleTime = TimeSpan.FromMilliseconds(10);
    private const int Rounds = 15;

    /// <summary>The comparison names, in print order, and the benchmark method each stands for.</summary>
    private static readonly (string Name, string Method)[] Comparisons =
    {
        ("reference", nameof(DecisionBenchmarks.Reference)),
        ("frozen", nameof(DecisionBenchmarks.Frozen)),
        ("direct", nameof(DecisionBenchmarks.Direct)),
        ("interpreter", nameof(DecisionBenchmarks.Interpreted)),
    };

    /// <param name="output">Where the tables and ratio lines go.</param>
    /// <param name="decisionsOnly">Measure decisions and lookups only (<c>--quick --decisions</c>, for iterating on the engine in seconds).</param>
    public static int Run(TextWriter output, bool decisionsOnly = false)
    {
        // First, while nothing else runs: cold generator runs happen in child processes.
        var cold = decisionsOnly ? null : ColdStart.Measure(launches: 3);

        var patterns = Enum.GetValues<AccessPattern>();
        var decisions = new Dictionary<AccessPattern, IReadOnlyList<Sample>>();
        var lookups = new Dictionary<AccessPattern, IReadOnlyList<Sample>>();
        var callSites = new Dictionary<AccessPattern, IReadOnlyList<Sample>>();
        foreach (var pattern in patterns)
        {
            decisions[pattern] = Sampler.Measure(DecisionOperations(pattern), Warmup, SampleTime, Rounds);
            lookups[pattern] = Sampler.Measure(LookupOperations(pattern), Warmup, SampleTime, Rounds);
            callSites[pattern] = Sampler.Measure(CallSiteOperations(pattern), Warmup, SampleTime, Rounds);
        }

        WriteTable(output, "Decide: ns per decision (B allocated per decision); VcpuState except GeneratedTypedState (Linux66Traps.State)", decisions);
        WriteTable(output, "Lookup alone: ns per lookup (B allocated per lookup)", lookups);
        WriteTable(output, "Call site: ns per decision from a loop in its own method, and from a one-line lambda", callSites);

        var generator = decisionsOnly ? new() : BenchmarkRulesets.Keys.Select(MeasureGenerator).ToList();
        if (cold is not null)
        {
            WriteGeneratorTable(output, generator, cold);
        }

        foreach (var (name, method) in Comparisons)
        {
            foreach (var pattern in patterns)
            {
                var samples = decisions[pattern];
                double generated = samples.Single(s => s.Name == nameof(DecisionBenchmarks.Generated)).NanosecondsPerOperation;
                double other = samples.Single(s => s.Name == method).NanosecondsPerOperation;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {name}/{PatternName(pattern)}: {other / generated:0.00}"));
            }
        }

        foreach (var pattern in patterns)
        {
            double loop = callSites[pattern].Single(s => s.Name == nameof(CallSiteBenchmarks.Loop)).NanosecondsPerOperation;
            double lambda = callSites[pattern].Single(s => s.Name == nameof(CallSiteBenchmarks.Lambda)).NanosecondsPerOperation;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio lambda/loop/{PatternName(pattern)}: {lambda / loop:0.00}"));
        }

        foreach (var (rulesets, full, _, _) in generator)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generator ns/entry {rulesets.Key}: {full.Nanoseconds / rulesets.ConfiguredEncodings:F0}"));
        }

        GC.KeepAlive(Sampler.Sink);
        return 0;
    }

    /// <summary>
    /// Warm full runs and unrelated-edit runs. Much of the generator runs once per run, so the
    /// tiered JIT needs about 30 runs before it is optimized: the first ruleset measured warms it
    /// up with many runs (150 of the Linux one, milliseconds each); the larger ones, whose runs
    /// take up to a second, need fewer.
    /// </summary>
    private static (BenchmarkRulesets Rulesets, MacroSample Full, MacroSample Incremental, int GeneratedCharacters) MeasureGenerator(string key)
    {
        var rulesets = BenchmarkRulesets.Get(key);
        var scenario = new GeneratorScenario(rulesets);
        scenario.Verify();
        var (warmups, runs) = key switch
        {
            BenchmarkRulesets.Linux => (150, 21),
            BenchmarkRulesets.X10 => (8, 7),
            _ => (3, 5),
        };
        var full = MacroSampler.Measure("full", scenario.RunFull, warmups, runs);
        // An unrelated edit costs tens of microseconds: sampled like the decisions, many calls per sample.
        var edit = Sampler.Measure(new[] { new Operation("edit", 1, () => (ulong)scenario.RunAfterUnrelatedEdit().GetHashCode()) }, TimeSpan.FromSeconds(1), SampleTime, Rounds).Single();
        return (rulesets, full, new MacroSample("incremental", edit.NanosecondsPerOperation, edit.BytesPerOperation), scenario.GeneratedCharacters());
    }

    private static void WriteGeneratorTable(TextWriter output, IReadOnlyList<(BenchmarkRulesets Rulesets, MacroSample Full, MacroSample Incremental, int GeneratedCharacters)> results, MacroSample cold)
    {
        output.WriteLine("Generator: one driver run (warm JIT unless cold), allocated bytes per run; ns/entry per configured encoding, ns/rule per coarse or fine-grained entry");
        output.WriteLine($"  {"ruleset",-10}{"encodings",10}{"entries",9}{"groups",8}{"files",7}{"YAML KB",9}{"full ms",10}{"full MB",9}{"ns/entry",10}{"ns/rule",9}{"edit us",9}{"edit KB",9}{"C# KB",9}");
        foreach (var (rulesets, full, incremental, generated) in results)
        {
            var shape = rulesets.Shape!;
            int entries = shape.CoarseEntries + shape.FineGrainedEntries;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {rulesets.Key,-10}{rulesets.ConfiguredEncodings,10}{entries,9}{shape.Groups,8}{rulesets.Sources.Count,7}{rulesets.Characters / 1024.0,9:F0}"
                + $"{full.Nanoseconds / 1e6,10:F1}{full.Bytes / 1048576.0,9:F1}{full.Nanoseconds / rulesets.ConfiguredEncodings,10:F0}{full.Nanoseconds / entries,9:F0}"
                + $"{incremental.Nanoseconds / 1e3,9:F1}{incremental.Bytes / 1024.0,9:F1}{generated / 1024.0,9:F0}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  cold first run in a new process ({BenchmarkRulesets.Linux}, median of 3): {cold.Nanoseconds / 1e6:F1} ms, {cold.Bytes / 1048576.0:F1} MB"));
        output.WriteLine();
    }

    private static IReadOnlyList<Operation> DecisionOperations(AccessPattern pattern)
    {
        var benchmarks = new DecisionBenchmarks { Pattern = pattern };
        benchmarks.Setup();
        return new[]
        {
            new Operation(nameof(DecisionBenchmarks.Generated), TrapWorkload.Cases, () => (ulong)benchmarks.Generated()),
            new Operation(nameof(DecisionBenchmarks.GeneratedTypedState), TrapWorkload.Cases, () => (ulong)benchmarks.GeneratedTypedState()),
            new Operation(nameof(DecisionBenchmarks.GeneratedWithVm), TrapWorkload.Cases, () => (ulong)benchmarks.GeneratedWithVm()),
            new Operation(nameof(DecisionBenchmarks.Reference), TrapWorkload.Cases, () => (ulong)benchmarks.Reference()),
            new Operation(nameof(DecisionBenchmarks.Frozen), TrapWorkload.Cases, () => (ulong)benchmarks.Frozen()),
            new Operation(nameof(DecisionBenchmarks.Direct), TrapWorkload.Cases, () => (ulong)benchmarks.Direct()),
            new Operation(nameof(DecisionBenchmarks.Interpreted), TrapWorkload.Cases, () => (ulong)benchmarks.Interpreted()),
            new Operation(nameof(DecisionBenchmarks.Loop), TrapWorkload.Cases, () => (ulong)benchmarks.Loop()),
        };
    }

    private static IReadOnlyList<Operation> CallSiteOperations(AccessPattern pattern)
    {
        var benchmarks = new CallSiteBenchmarks { Pattern = pattern };
        benchmarks.Setup();
        return new[]
        {
            new Operation(nameof(CallSiteBenchmarks.Loop), TrapWorkload.Cases, () => (ulong)benchmarks.Loop()),
            new Operation(nameof(CallSiteBenchmarks.Lambda), TrapWorkload.Cases, () => (ulong)benchmarks.Lambda()),
            new Operation(nameof(CallSiteBenchmarks.LoopOutOfLine), TrapWorkload.Cases, () => (ulong)benchmarks.LoopOutOfLine()),
            new Operation(nameof(CallSiteBenchmarks.LambdaOutOfLine), TrapWorkload.Cases, () => (ulong)benchmarks.LambdaOutOfLine()),
        };
    }

    private static IReadOnlyList<Operation> LookupOperations(AccessPattern pattern)
    {
        var benchmarks = new LookupBenchmarks { Pattern = pattern };
        benchmarks.Setup();
        return new[]
        {
            new Operation(nameof(LookupBenchmarks.Generated), TrapWorkload.Cases, benchmarks.Generated),
            new Operation(nameof(LookupBenchmarks.GeneratedIssKey), TrapWorkload.Cases, benchmarks.GeneratedIssKey),
            new Operation(nameof(LookupBenchmarks.Reference), TrapWorkload.Cases, benchmarks.Reference),
            new Operation(nameof(LookupBenchmarks.Frozen), TrapWorkload.Cases, benchmarks.Frozen),
            new Operation(nameof(LookupBenchmarks.Direct), TrapWorkload.Cases, benchmarks.Direct),
            new Operation(nameof(LookupBenchmarks.Interpreted), TrapWorkload.Cases, benchmarks.Interpreted),
        };
    }

    private static void WriteTable(TextWriter output, string title, IReadOnlyDictionary<AccessPattern, IReadOnlyList<Sample>> results)
    {
        output.WriteLine(title);
        var names = results.Values.First().Select(s => s.Name).ToList();
        output.WriteLine(string.Concat($"  {"structure",-20}", string.Concat(results.Keys.Select(p => $"{PatternName(p),18}"))));
        foreach (var name in names)
        {
            output.Write($"  {name,-20}");
            foreach (var samples in results.Values)
            {
                var sample = samples.Single(s => s.Name == name);
                output.Write(string.Create(CultureInfo.InvariantCulture, $"{sample.NanosecondsPerOperation,10:0.00} ({sample.BytesPerOperation,4:0.##})"));
            }

            output.WriteLine();
        }

        output.WriteLine();
    }

    private static string PatternName(AccessPattern pattern) => pattern.ToString().ToLowerInvariant();
}
