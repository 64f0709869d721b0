using System.Diagnostics;

namespace NvTrap.Benchmarks.Quick;

/// <summary>What <see cref="MacroSampler"/> found: the median time of one run and the bytes it allocated.</summary>
internal sealed record MacroSample(string Name, double Nanoseconds, double Bytes);

/// <summary>
/// Times operations long enough (a fraction of a millisecond to a second) to be measured one
/// call at a time. Warm-up lasts both a number of calls and a minimum time, so methods called
/// once per run have been recompiled by the tiered JIT before measuring; each measured call
/// starts after a full collection, so one run's garbage is not collected on the next one's
/// time. Allocations are counted over all threads, since a generator driver may use more than one.
/// </summary>
internal static class MacroSampler
{
    private static readonly TimeSpan MinimumWarmup = TimeSpan.FromMilliseconds(750);

    public static MacroSample Measure(string name, Func<object> call, int warmups, int runs)
    {
        long warmupStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < warmups || Stopwatch.GetElapsedTime(warmupStart) < MinimumWarmup; i++)
        {
            GC.KeepAlive(call());
        }

        var times = new double[runs];
        long bytes = 0;
        for (int i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            long start = Stopwatch.GetTimestamp();
            var result = call();
            times[i] = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
            bytes += GC.GetTotalAllocatedBytes(precise: true) - before;
            GC.KeepAlive(result);
        }

        Array.Sort(times);
        return new MacroSample(name, times[runs / 2], bytes / (double)runs);
    }
}
