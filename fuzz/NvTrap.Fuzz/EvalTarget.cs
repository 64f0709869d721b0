using System;
using System.IO;
using System.Text;
using NvTrap.Cli.Eval;
using NvTrap.Cli.Rulesets;

namespace NvTrap.Fuzz;

/// <summary>
/// The <c>eval</c> fuzz target: one input as an <c>nvtrap eval</c> TSV over the built-in Linux
/// ruleset, read the way <c>nvtrap eval FILE</c> reads it. Malformed rows must be reported, never
/// thrown: any exception is a crash. Compiled into the fuzz harness and into NvTrap.Cli.Tests,
/// which replays fuzz/corpus/eval and fuzz/regressions/eval.
/// </summary>
internal static class EvalTarget
{
    /// <summary>Longer inputs are cut here, as in the rules target.</summary>
    public const int MaxInputBytes = 64 * 1024;

    private static RulesetHandle? _ruleset;

    /// <summary>Runs one input; returns the exit code the tool would give.</summary>
    public static int Run(byte[] input)
    {
        var ruleset = _ruleset ??= BuiltInRulesets.Default.Create();
        int length = Math.Min(input.Length, MaxInputBytes);
        using var reader = new StreamReader(new MemoryStream(input, 0, length, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var runner = new EvalRunner(ruleset, ruleset.DefaultVm(), "fuzz.tsv", TextWriter.Null, TextWriter.Null);
        int exitCode = runner.Run(reader);
        if (exitCode is not (0 or 1))
        {
            throw new FuzzFailure($"eval returned exit code {exitCode}; it returns 0 or 1");
        }

        return exitCode;
    }
}
