using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using NvTrap.Benchmarks.Inputs;
using NvTrap.Benchmarks.Structures;

namespace NvTrap.Benchmarks.Decisions;

/// <summary>
/// The lookup alone, encoding to packed config, for the same structures and encodings as
/// <see cref="DecisionBenchmarks"/>; and the generated table's own key, the ESR's ISS bits
/// (<see cref="GeneratedIssKey"/>), which is the lookup a decision makes. Each benchmark sums the
/// configs so no lookup is dead code.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 6, iterationCount: 15)]
public class LookupBenchmarks
{
    private TrapWorkload _workload = null!;
    private IReadOnlyDictionary<ushort, (int Cgt, int Fgt, int Bit, int Pol)> _reference = null!;
    private Interpreter _interpreter = null!;

    [Params(AccessPattern.Uniform, AccessPattern.Hot, AccessPattern.Space)]
    public AccessPattern Pattern { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = new TrapWorkload(Pattern);
        _reference = KernelConfigs(LinuxRuleset.Instance.Kernel);
        _interpreter = Interpreter.Create(LinuxRuleset.Instance.Lowered);
        Agreement.Require(nameof(LookupBenchmarks), Pattern, new Dictionary<string, ulong>
        {
            [nameof(Generated)] = Generated(),
            [nameof(GeneratedIssKey)] = GeneratedIssKey(),
            [nameof(Reference)] = Reference(),
            [nameof(Frozen)] = Frozen(),
            [nameof(Direct)] = Direct(),
            [nameof(Interpreted)] = Interpreted(),
        });
    }

    /// <summary>The generated perfect hash.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = TrapWorkload.Cases)]
    public ulong Generated() => LookupAll<GeneratedLookup>(_workload.Encodings);

    /// <summary>
    /// The generated perfect hash keyed as <see cref="TrapEngine.Decide"/> uses it, by
    /// <see cref="Esr.IssKey"/>: <see cref="Generated"/> is this after repacking an encoding's
    /// fields into ISS positions.
    /// </summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public ulong GeneratedIssKey()
    {
        var keys = _workload.IssKeys;
        ulong sum = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            sum += default(Linux66Traps.Rules).LookupIssKey(keys[i]);
        }

        return sum;
    }

    /// <summary>(a) The kernel oracle's trap configs as a dictionary, packed into the kernel layout as the others return it.</summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public ulong Reference()
    {
        var reference = _reference;
        var encodings = _workload.Encodings;
        ulong sum = 0;
        for (int i = 0; i < encodings.Length; i++)
        {
            if (reference.TryGetValue(encodings[i], out var tc))
            {
                sum += (uint)tc.Cgt | ((ulong)(uint)tc.Fgt << 10) | ((ulong)(uint)tc.Bit << 14) | ((ulong)(uint)tc.Pol << 20);
            }
        }

        return sum;
    }

    /// <summary>
    /// The oracle's trap configs keyed by the 16-bit encoding, its group names turned into the
    /// generated ids (by name) so the sums can be compared with the other structures'.
    /// </summary>
    private static Dictionary<ushort, (int Cgt, int Fgt, int Bit, int Pol)> KernelConfigs(NvTrap.Testing.Reference.Linux66Reference kernel)
    {
        var names = default(Linux66Traps.Rules).Names;
        var groups = Enumerable.Range(1, Linux66Traps.GroupCount).ToDictionary(names.GroupName);
        var fineGroups = Enumerable.Range(1, Linux66Traps.FineGrainedGroupCount).ToDictionary(names.FineGrainedGroupName);
        return kernel.Config.ToDictionary(
            c => (ushort)c.Key.Packed,
            c => (c.Value.CoarseGroup is { } g ? groups[g] : 0, c.Value.FineGroup is { } f ? fineGroups[f] : 0, c.Value.Bit, c.Value.Polarity));
    }

    /// <summary>(b) FrozenDictionary.</summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public ulong Frozen() => LookupAll<FrozenDictionaryLookup>(_workload.Encodings);

    /// <summary>(c) The direct 65,536-entry table.</summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public ulong Direct() => LookupAll<DirectTableLookup>(_workload.Encodings);

    /// <summary>(d) The <c>nvtrap</c> tool's interpreter.</summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public ulong Interpreted() => _interpreter.LookupAll(_workload.Encodings);

    /// <summary>The lookup loop for a whole <see cref="ITrapRules"/>, as the engine calls it (never inlined: see <see cref="DecisionBenchmarks.DecideAll"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static ulong LookupAllRules<TRules>(in TRules rules, ushort[] encodings)
        where TRules : struct, ITrapRules
    {
        ulong sum = 0;
        for (int i = 0; i < encodings.Length; i++)
        {
            sum += rules.LookupIssKey(EncodingLayout.IssKey(encodings[i]));
        }

        return sum;
    }

    /// <summary>The lookup loop for one structure (never inlined: see <see cref="DecisionBenchmarks.DecideAll"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong LookupAll<TLookup>(ushort[] encodings)
        where TLookup : struct, IConfigLookup
    {
        ulong sum = 0;
        for (int i = 0; i < encodings.Length; i++)
        {
            sum += default(TLookup).Lookup(encodings[i]);
        }

        return sum;
    }
}
