using System.Diagnostics;
using System.Globalization;
using NvTrap.Benchmarks.Generation;
using NvTrap.Compiler;

namespace NvTrap.Benchmarks.Adversarial;

/// <summary>
/// <c>--adversarial</c>: each input's check and build once in a fresh process of its own
/// (this program with <see cref="Argument"/>), so the peak working set printed is that input's
/// alone, as a build server's or an IDE's compiler would see it. Prints one line per input:
/// wall and CPU time, bytes allocated and peak working set of check and of build, and the number of
/// diagnostics each reports.
/// </summary>
internal static class AdversarialRun
{
    public const string Argument = "--adversarial-case";

    public static int Run(TextWriter output)
    {
        output.WriteLine("input                 check ms (cpu)  check MB alloc  build ms (cpu)  build MB alloc  peak MB  diagnostics (check/build)");
        foreach (string input in AdversarialInputs.Names)
        {
            output.WriteLine(RunChild(Argument, input));
        }

        output.WriteLine();
        return KernelAdversarialRun.Run(output);
    }

    /// <summary>In the child: check, then build, each measured once after the inputs are made.</summary>
    public static int RunInChild(string input, TextWriter output)
    {
        var source = AdversarialInputs.Source(input);
        var scenario = new GeneratorScenario(BenchmarkRulesets.Unchecked(input, "t", "T", new[] { source }));
        scenario.LoadReferences();

        var check = Measure(() => RuleCompiler.Compile(new[] { source }).ShownDiagnostics.Count);
        var build = Measure(() => scenario.BuildFull().Diagnostics);
        using var self = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{input,-21} {check.Milliseconds,6:F0} ({check.CpuMilliseconds,5:F0}) {check.Bytes / 1e6,15:F0} {build.Milliseconds,6:F0} ({build.CpuMilliseconds,5:F0}) {build.Bytes / 1e6,15:F0} {self.PeakWorkingSet64 / 1e6,8:F0}  {check.Result}/{build.Result}"));
        return 0;
    }

    /// <summary>Wall time, and the process's CPU time, which a busy machine inflates less.</summary>
    internal static (double Milliseconds, double CpuMilliseconds, long Bytes, int Result) Measure(Func<int> work)
    {
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        long before = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        int result = work();
        double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        self.Refresh();
        return (wall, (self.TotalProcessorTime - cpuBefore).TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - before, result);
    }

    /// <summary>Runs this program with <paramref name="argument"/> <paramref name="input"/> and returns the line it printed for the input.</summary>
    internal static string RunChild(string argument, string input)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileName(self).StartsWith("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(AdversarialRun).Assembly.Location);
        }

        start.ArgumentList.Add(argument);
        start.ArgumentList.Add(input);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the adversarial child.");
        string printed = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return printed.Split('\n').Select(l => l.TrimEnd()).LastOrDefault(l => l.StartsWith(input, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The child for {input} (exit {process.ExitCode}) printed no result:\n{printed}");
    }
}
