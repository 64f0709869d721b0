using System.Diagnostics;

namespace NvTrap.Benchmarks.Quick;

/// <summary>A measured operation: its name, how many operations one call performs, and the call.</summary>
internal sealed record Operation(string Name, int OperationsPerCall, Func<ulong> Call);

/// <summary>What <see cref="Sampler"/> found for one operation.</summary>
internal sealed record Sample(string Name, double NanosecondsPerOperation, double BytesPerOperation);

/// <summary>
/// A small harness for the quick mode: warm every operation up until the JIT has settled on its
/// optimized code, then take rounds of samples interleaved across the operations — so a
/// frequency change or a noisy neighbour hits all of them alike and their ratios stay fair —
/// and report the median of each, with the bytes its calls allocated.
/// </summary>
internal static class Sampler
{
    private static ulong _sink;

    /// <summary>Keeps every result alive, so no call is dead code.</summary>
    public static ulong Sink => _sink;

    public static IReadOnlyList<Sample> Measure(IReadOnlyList<Operation> operations, TimeSpan warmup, TimeSpan sampleTime, int rounds)
    {
        var callsPerSample = new int[operations.Count];
        for (int o = 0; o < operations.Count; o++)
        {
            callsPerSample[o] = WarmUp(operations[o], warmup, sampleTime);
        }

        var samples = new double[operations.Count][];
        var allocated = new long[operations.Count];
        var calls = new long[operations.Count];
        for (int o = 0; o < operations.Count; o++)
        {
            samples[o] = new double[rounds];
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int o = 0; o < operations.Count; o++)
            {
                var operation = operations[o];
                int n = callsPerSample[o];
                long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                ulong sink = 0;
                for (int c = 0; c < n; c++)
                {
                    sink += operation.Call();
                }

                long elapsed = Stopwatch.GetTimestamp() - start;
                allocated[o] += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
                calls[o] += n;
                _sink += sink;
                samples[o][round] = elapsed * (1e9 / Stopwatch.Frequency) / ((double)n * operation.OperationsPerCall);
            }
        }

        return operations
            .Select((operation, o) => new Sample(operation.Name, Median(samples[o]), allocated[o] / ((double)calls[o] * operation.OperationsPerCall)))
            .ToList();
    }

    /// <summary>Runs the operation for the warm-up time; returns how many calls fill one sample.</summary>
    private static int WarmUp(Operation operation, TimeSpan warmup, TimeSpan sampleTime)
    {
        long end = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        do
        {
            _sink += operation.Call();
        }
        while (Stopwatch.GetTimestamp() < end);

        // Size samples from calls made after the warm-up (optimized code), not from its early, slower ones.
        const int probes = 5;
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < probes; i++)
        {
            _sink += operation.Call();
        }

        double perCall = Math.Max(1.0, (Stopwatch.GetTimestamp() - start) / (double)probes);
        return (int)Math.Clamp(sampleTime.TotalSeconds * Stopwatch.Frequency / perCall, 1, int.MaxValue);
    }

    private static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
