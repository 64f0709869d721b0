using BenchmarkDotNet.Running;
using NvTrap.Benchmarks.Adversarial;
using NvTrap.Benchmarks.Quick;

namespace NvTrap.Benchmarks;

/// <summary>
/// <c>--quick</c> runs the short harness and prints the comparison ratios (<c>--quick --decisions</c>:
/// decisions and lookups only); <c>--adversarial</c> times the compiler and the kernel import on hostile inputs; any other arguments go
/// to BenchmarkDotNet (e.g. <c>--filter *Decision*</c>); none runs the full suite.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains(ColdStart.Argument))
        {
            return ColdStart.RunInChild(Console.Out);
        }

        if (Array.IndexOf(args, AdversarialRun.Argument) is int at and >= 0 && at + 1 < args.Length)
        {
            return AdversarialRun.RunInChild(args[at + 1], Console.Out);
        }

        if (Array.IndexOf(args, KernelAdversarialRun.Argument) is int kernelAt and >= 0 && kernelAt + 1 < args.Length)
        {
            return KernelAdversarialRun.RunInChild(args[kernelAt + 1], Console.Out);
        }

        if (args.Contains("--adversarial"))
        {
            return AdversarialRun.Run(Console.Out);
        }

        if (args.Contains("--quick"))
        {
            return QuickRunner.Run(Console.Out, decisionsOnly: args.Contains("--decisions"));
        }

        var switcher = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly);
        if (args.Length == 0)
        {
            switcher.RunAll(BenchmarkConfig.Create());
        }
        else
        {
            switcher.Run(args, BenchmarkConfig.Create());
        }

        return 0;
    }
}
