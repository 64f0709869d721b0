using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using NvTrap.Benchmarks.Inputs;

namespace NvTrap.Benchmarks.Decisions;

/// <summary>
/// The same decisions from two kinds of call site a user writes: a loop in a method of its own
/// (never inlined, the decision inlined into it) and a one-line lambda called once per trap. The
/// JIT sizes its inlining budget by the method it compiles; a one-line lambda has a small one,
/// which decides whether the whole decision fits in it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 6, iterationCount: 15)]
public class CallSiteBenchmarks
{
    private TrapWorkload _workload = null!;
    private Func<int, int> _lambda = null!;
    private Func<int, int> _lambdaOutOfLine = null!;

    [Params(AccessPattern.Uniform, AccessPattern.Hot, AccessPattern.Space)]
    public AccessPattern Pattern { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = new TrapWorkload(Pattern);
        var workload = _workload;
        _lambda = i => Linux66Traps.Decide(workload.States[workload.StateIndex[i]], workload.Esrs[i]).Forward ? 1 : 0;
        _lambdaOutOfLine = i => DecideOutOfLine(workload.States[workload.StateIndex[i]], workload.Esrs[i]).Forward ? 1 : 0;
        Agreement.Require(nameof(CallSiteBenchmarks), Pattern, new Dictionary<string, int>
        {
            [nameof(Loop)] = Loop(),
            [nameof(Lambda)] = Lambda(),
            [nameof(LoopOutOfLine)] = LoopOutOfLine(),
            [nameof(LambdaOutOfLine)] = LambdaOutOfLine(),
        });
    }

    /// <summary>The decision inlined into a loop in its own method.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = TrapWorkload.Cases)]
    public int Loop() => LoopAll(_workload);

    /// <summary>The decision inlined into a one-line lambda, which a loop calls per trap.</summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public int Lambda() => LambdaAll(_lambda, TrapWorkload.Cases);

    /// <summary>
    /// A loop calling the decision through a method that is never inlined: what an entry point
    /// with a call boundary, immune to its caller's inlining budget, would cost.
    /// </summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public int LoopOutOfLine() => LoopAllOutOfLine(_workload);

    /// <summary>The one-line lambda calling the decision through that method.</summary>
    [Benchmark(OperationsPerInvoke = TrapWorkload.Cases)]
    public int LambdaOutOfLine() => LambdaAll(_lambdaOutOfLine, TrapWorkload.Cases);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TrapDecision DecideOutOfLine(in VcpuState state, Esr esr) => Linux66Traps.Decide(state, esr);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LoopAllOutOfLine(TrapWorkload workload)
    {
        var states = workload.States;
        var stateIndex = workload.StateIndex;
        var esrs = workload.Esrs;
        int forwarded = 0;
        for (int i = 0; i < esrs.Length; i++)
        {
            forwarded += DecideOutOfLine(states[stateIndex[i]], esrs[i]).Forward ? 1 : 0;
        }

        return forwarded;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LoopAll(TrapWorkload workload)
    {
        var states = workload.States;
        var stateIndex = workload.StateIndex;
        var esrs = workload.Esrs;
        int forwarded = 0;
        for (int i = 0; i < esrs.Length; i++)
        {
            forwarded += Linux66Traps.Decide(states[stateIndex[i]], esrs[i]).Forward ? 1 : 0;
        }

        return forwarded;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LambdaAll(Func<int, int> decide, int cases)
    {
        int forwarded = 0;
        for (int i = 0; i < cases; i++)
        {
            forwarded += decide(i);
        }

        return forwarded;
    }
}
