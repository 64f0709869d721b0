using System.Diagnostics;
using System.Globalization;
using CsCheck;
using Xunit.Abstractions;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// Runs a property over documents drawn from a CsCheck generator, in batches (check and the build
/// are far cheaper per document when many go through one run). Document i is drawn from its own
/// PCG seed, so any one is regenerated alone from the seed a failure prints. A batch that fails is
/// checked again document by document to say which failed. The normal run stops at the first
/// failure; a long run (<see cref="PropertySettings.IsLongRun"/>) keeps going, counts failures by
/// class, writes examples and its progress to <see cref="PropertySettings.FailureFolder"/>, and
/// fails at the end if anything failed.
/// </summary>
internal static class PropertyRunner
{
    public static void Run<T>(
        string property,
        Gen<T> gen,
        long normalCount,
        int batchSize,
        ulong normalSeed,
        Action<IReadOnlyList<Drawn<T>>> checkBatch,
        Func<T, string> print,
        ITestOutputHelper output)
    {
        long count = PropertySettings.Iterations(normalCount);
        ulong seed = PropertySettings.Seed(normalSeed);
        bool longRun = PropertySettings.IsLongRun;
        var failures = new FailureLog(property);
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        for (long start = 0; start < count; start += batchSize)
        {
            var batch = new List<Drawn<T>>();
            for (long i = start; i < Math.Min(count, start + batchSize); i++)
            {
                var pcg = new PCG((uint)i, seed + (ulong)(i >> 32));
                string itemSeed = pcg.ToString();
                batch.Add(new Drawn<T>(i, itemSeed, gen.Generate(pcg, null, out _)));
            }

            if (!Passes(() => checkBatch(batch), out _))
            {
                foreach (var item in batch)
                {
                    if (!Passes(() => checkBatch(new[] { item }), out var failure))
                    {
                        failures.Add(failure.Kind, item.Seed, failure.Message, print(item.Value));
                        if (!longRun)
                        {
                            throw new InvalidOperationException($"{property}: document {item.Index} (seed {item.Seed}) broke the contract [{failure.Kind}]:\n{failure.Message}\n\n--- document\n{Truncate(print(item.Value))}");
                        }
                    }
                }
            }

            if (longRun && clock.Elapsed - lastProgress > TimeSpan.FromSeconds(30))
            {
                lastProgress = clock.Elapsed;
                Progress(property, Math.Min(count, start + batchSize), count, clock.Elapsed, failures);
            }
        }

        string summary = string.Create(CultureInfo.InvariantCulture, $"{property}: {count:N0} documents in {clock.Elapsed.TotalSeconds:N1} s ({count / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0}/s), seed {seed}, {failures.Count:N0} failures");
        output.WriteLine(summary);
        if (longRun)
        {
            Progress(property, count, count, clock.Elapsed, failures);
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{summary}\n{failures.Summary()}\nexamples in {PropertySettings.FailureFolder}\n\n{Truncate(failures.FirstExample())}");
        }
    }

    /// <summary>Runs one check; a failure of the contract or of the harness itself is caught and classed.</summary>
    private static bool Passes(Action check, out PropertyFailure failure)
    {
        try
        {
            check();
            failure = null!;
            return true;
        }
        catch (PropertyFailure f)
        {
            failure = f;
            return false;
        }
        catch (Exception ex)
        {
            failure = new PropertyFailure("harness:" + ex.GetType().Name, ex.ToString());
            return false;
        }
    }

    private static void Progress(string property, long done, long count, TimeSpan elapsed, FailureLog failures)
    {
        Directory.CreateDirectory(PropertySettings.FailureFolder);
        File.WriteAllText(
            Path.Combine(PropertySettings.FailureFolder, property + ".progress.txt"),
            string.Create(CultureInfo.InvariantCulture, $"{property}: {done:N0} of {count:N0} documents, {elapsed.TotalSeconds:N0} s, {done / Math.Max(0.001, elapsed.TotalSeconds):N0}/s, {failures.Count:N0} failures\n{failures.Summary()}\n"));
    }

    private static string Truncate(string text) => text.Length <= 20_000 ? text : text[..20_000] + "\n... (cut)";
}
