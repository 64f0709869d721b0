using BenchmarkDotNet.Running;
using NvTrap.Benchmarks.Quick;

namespace NvTrap.Benchmarks;

/// <summary>
/// <c>--quick</c> runs the short harness and prints the comparison ratios (<c>--quick --decisions</c>:
/// decisions and lookups only); any other arguments go
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
