using System.Diagnostics;
using System.Globalization;
using NvTrap.Benchmarks.Generation;

namespace NvTrap.Benchmarks.Quick;

/// <summary>
/// A cold generator run is the first one in a process, so the quick mode measures it in child
/// processes (this same program with <see cref="Argument"/>), each printing one line:
/// <c>cold &lt;nanoseconds&gt; &lt;bytes&gt;</c>.
/// </summary>
internal static class ColdStart
{
    public const string Argument = "--cold-generator-run";

    /// <summary>In the child: set up as a build has before generators run, then time the first run.</summary>
    public static int RunInChild(TextWriter output)
    {
        var scenario = new GeneratorScenario(BenchmarkRulesets.Get(BenchmarkRulesets.Linux, verify: false));
        scenario.LoadReferences();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        var driver = scenario.RunFull();
        double nanoseconds = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        GC.KeepAlive(driver);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold {nanoseconds:F0} {bytes}"));
        return 0;
    }

    /// <summary>In the parent: the median over <paramref name="launches"/> child processes.</summary>
    public static MacroSample Measure(int launches)
    {
        var results = new List<(double Nanoseconds, double Bytes)>();
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        string? assembly = Path.GetFileName(self).StartsWith("dotnet", StringComparison.OrdinalIgnoreCase) ? typeof(ColdStart).Assembly.Location : null;
        for (int i = 0; i < launches; i++)
        {
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
            if (assembly is not null)
            {
                start.ArgumentList.Add(assembly);
            }

            start.ArgumentList.Add(Argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the cold-run child.");
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("cold ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"The cold-run child (exit {process.ExitCode}) printed no result:\n{output}");
            var parts = line.Split(' ');
            results.Add((double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture)));
        }

        var sorted = results.OrderBy(r => r.Nanoseconds).ToList();
        return new MacroSample("cold", sorted[sorted.Count / 2].Nanoseconds, sorted[sorted.Count / 2].Bytes);
    }
}
