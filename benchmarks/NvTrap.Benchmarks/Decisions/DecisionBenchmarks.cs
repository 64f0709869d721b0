using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using NvTrap.Benchmarks.Inputs;
using NvTrap.Benchmarks.Structures;
using NvTrap.Testing.Reference;

namespace NvTrap.Benchmarks.Decisions;

/// <summary>
/// Whole decisions (ESR and vCPU state in, forward or not out) on the Linux ruleset, the same
/// 4,096 traps for every structure. Each benchmark sums the forward bits so no decision is dead
/// code; the totals are checked equal across structures in <see cref="Setup"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 6, iterationCount: 15)]
public class DecisionBenchmarks
{
    private TrapWorkload _workload = null!;
    private Linux66Reference _reference = null!;
    private Interpreter _interpreter = null!;
    private VmProfile _vm;

    [Params(AccessPattern.Uniform, AccessPattern.Hot, AccessPattern.Space)]
    public AccessPattern Pattern { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = new TrapWorkload(Pattern);
        _reference = LinuxRuleset.Instance.Kernel;
        _interpreter = Interpreter.Create(LinuxRuleset.Instance.Lowered);
        _vm = Linux66Traps.DefaultVm();
        Agreement.Require(nameof(DecisionBenchmarks), Pattern, new Dictionary<string, int>
        {
            [nameof(Generated)] = Generated(),
            [nameof(GeneratedTypedState)] = GeneratedTypedState(),
            [nameof(GeneratedWithVm)] = GeneratedWithVm(),
            [nameof(Reference)] = Reference(),
            [nameof(Frozen)] = Frozen(),
            [nameof(Direct)] = Direct(),
            [nameof(Interpreted)] = Interpreted(),
        });
    }

    /// <summary>The generated code: <c>Linux66Traps.Decide</c> is exactly this call with <c>default(Linux66Traps.Rules)</c>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = TrapWorkload.Cases)]
    public int Generated() => DecideAll(default(Linux66Traps.Rules), _workload.States, _workload);

    /// <summary>
    /// The generated code with the ruleset's own generated state type instead of the general
    /// <see cref="VcpuState"/>: not a comparison of structures (the others all use
    /// <see cref="VcpuState"/>), but what the state type costs.
    /// </summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public int GeneratedTypedState() => DecideAll(default(Linux66Traps.Rules), _workload.TypedStates, _workload);

    /// <summary>
    /// The generated code deciding for a VM profile (<see cref="VmProfile"/>, here the ruleset's
    /// defaults): what reading the hidden bits, reserved bits and parameters from a profile
    /// instead of the ruleset's own tables costs. Not a comparison of structures.
    /// </summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public int GeneratedWithVm() => DecideAllWithVm(default(Linux66Traps.Rules), _workload.States, in _vm, _workload);

    /// <summary>
    /// The loop without a decision: the same state and ESR loads per trap, summing one bit of
    /// each, so the cost every structure's figure includes before it decides anything is on
    /// record. Not a structure and not compared; its sum differs from the others'.
    /// </summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public int Loop() => LoopAll(_workload.States, _workload);

    /// <summary>
    /// (a) The kernel oracle (Linux 6.6 __check_nv_sr_forward restated): a dictionary of trap
    /// configs, recursive combinations, registers read by name.
    /// </summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public int Reference()
    {
        var workload = _workload;
        var reference = _reference;
        var esrs = workload.Esrs;
        var stateIndex = workload.StateIndex;
        int forwarded = 0;
        for (int i = 0; i < esrs.Length; i++)
        {
            int s = stateIndex[i];
            forwarded += Count(reference.Decide(workload.ReferenceVcpus[s], esrs[i].Value) == ReferenceDecision.Forward);
        }

        return forwarded;
    }

    /// <summary>(b) A FrozenDictionary lookup feeding the generated tables and engine.</summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public int Frozen() => DecideAll(default(LinuxRulesWithLookup<FrozenDictionaryLookup>), _workload.States, _workload);

    /// <summary>(c) A direct 65,536-entry table feeding the generated tables and engine.</summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public int Direct() => DecideAll(default(LinuxRulesWithLookup<DirectTableLookup>), _workload.States, _workload);

    /// <summary>(d) The <c>nvtrap</c> tool's interpreter: tables laid out at run time, conditions through the expression evaluator.</summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public int Interpreted() => _interpreter.DecideAll(_workload);

    /// <summary>As <see cref="DecideAll"/>, deciding for a VM profile.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int DecideAllWithVm<TRules, TState>(in TRules rules, TState[] states, in VmProfile vm, TrapWorkload workload)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        var esrs = workload.Esrs;
        var stateIndex = workload.StateIndex;
        int forwarded = 0;
        for (int i = 0; i < esrs.Length; i++)
        {
            forwarded += Count(TrapEngine.Decide(in rules, in states[stateIndex[i]], in vm, esrs[i]).Forward);
        }

        return forwarded;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LoopAll(VcpuState[] states, TrapWorkload workload)
    {
        var esrs = workload.Esrs;
        var stateIndex = workload.StateIndex;
        int sum = 0;
        for (int i = 0; i < esrs.Length; i++)
        {
            sum += Count(states[stateIndex[i]].HasNestedVirtualization) ^ (int)(esrs[i].Value & 1);
        }

        return sum;
    }

    /// <summary>
    /// A forward bit as 0 or 1 without a branch. Summed with <c>? 1 : 0</c>, the sum is a branch
    /// on each outcome (the JIT does not turn it into a conditional move inside a loop), and on
    /// random traps that branch is mispredicted about half the time: the loop would measure the
    /// harness's mispredictions, not the structure. Every structure is summed this way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Count(bool forward) => Unsafe.As<bool, byte>(ref forward);

    /// <summary>
    /// The one decision loop every <see cref="ITrapRules"/> structure runs through. Never inlined:
    /// the whole decision is inlined into this loop, and the JIT's inlining budget is sized by the
    /// method it compiles; inlined into a small benchmark method, the loop left the table reads as
    /// calls and measured 2.2x slower with byte-identical engine code otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int DecideAll<TRules, TState>(in TRules rules, TState[] states, TrapWorkload workload)
        where TRules : struct, ITrapRules
        where TState : struct, IVcpuState
    {
        var esrs = workload.Esrs;
        var stateIndex = workload.StateIndex;
        int forwarded = 0;
        for (int i = 0; i < esrs.Length; i++)
        {
            forwarded += Count(TrapEngine.Decide(in rules, in states[stateIndex[i]], esrs[i]).Forward);
        }

        return forwarded;
    }
}
