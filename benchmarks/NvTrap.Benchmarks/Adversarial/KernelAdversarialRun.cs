using System.Diagnostics;
using System.Globalization;
using System.Text;
using NvTrap.Kernel.Import;

namespace NvTrap.Benchmarks.Adversarial;

/// <summary>
/// The kernel import's share of <c>--adversarial</c>: hostile <c>emulate-nested.c</c> files, each
/// imported once in a fresh process as <c>nvtrap check --kernel</c> does (a tree holding only that
/// file), printing wall and CPU time, bytes allocated, peak working set and the diagnostics. Each
/// input runs into one of the import's limits (KernelLimits) or sits just inside it.
/// </summary>
internal static class KernelAdversarialRun
{
    public const string Argument = "--adversarial-kernel-case";

    /// <summary>Forty macros, each two copies of the one before: stops at the expansion limit.</summary>
    public const string DoublingMacros = "doubling-macros";

    /// <summary>A call nested 300 deep in its own arguments: stops at the nesting limit.</summary>
    public const string NestedArguments = "nested-arguments";

    /// <summary>Parentheses 100,000 deep in an #if: that expression stops at the nesting limit.</summary>
    public const string DeepParentheses = "deep-parentheses";

    /// <summary>Two enums of 100,000 members, one implicit, one each naming the one before: imported.</summary>
    public const string LongEnums = "long-enums";

    public static IReadOnlyList<string> Names { get; } = new[] { DoublingMacros, NestedArguments, DeepParentheses, LongEnums };

    public static int Run(TextWriter output)
    {
        output.WriteLine("kernel input          import ms (cpu)  import MB alloc  peak MB  diagnostics (errors)");
        foreach (string input in Names)
        {
            output.WriteLine(AdversarialRun.RunChild(Argument, input));
        }

        return 0;
    }

    public static int RunInChild(string input, TextWriter output)
    {
        string root = Path.Combine(Path.GetTempPath(), "nvtrap-adversarial-kernel", Guid.NewGuid().ToString("N"));
        string tables = Path.Combine(root, KernelTree.Tables);
        Directory.CreateDirectory(Path.GetDirectoryName(tables)!);
        File.WriteAllText(tables, Source(input));
        try
        {
            var request = new ImportRequest(root, null, Array.Empty<string>(), ReadFile);
            var import = AdversarialRun.Measure(() => KernelTreeCheck.Run(request).Lines().Count(l => l.IsError));
            using var self = Process.GetCurrentProcess();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{input,-21} {import.Milliseconds,7:F0} ({import.CpuMilliseconds,5:F0}) {import.Bytes / 1e6,16:F0} {self.PeakWorkingSet64 / 1e6,8:F0}  {import.Result}"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static string? ReadFile(string path, long maxBytes, out string? problem)
    {
        problem = null;
        return File.ReadAllText(path);
    }

    private static string Source(string name)
    {
        var text = new StringBuilder();
        switch (name)
        {
            case DoublingMacros:
                text.Append("#define A0 1\n");
                for (int i = 1; i < 40; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"#define A{i} A{i - 1}+A{i - 1}\n");
                }

                text.Append("#if A39\n#endif\n");
                break;
            case NestedArguments:
                text.Append("#define F(x) x\n#if ").Insert(text.Length, "F(", 300).Append('1').Append(')', 300).Append("\n#endif\n");
                break;
            case DeepParentheses:
                text.Append("#if ").Append('(', 100_000).Append('1').Append(')', 100_000).Append("\n#endif\n");
                break;
            case LongEnums:
                text.Append("enum implicit_run {");
                for (int i = 0; i < 100_000; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $" R{i},");
                }

                text.Append(" };\nenum explicit_run { E0 = 7,");
                for (int i = 1; i < 100_000; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $" E{i} = E{i - 1},");
                }

                text.Append(" };\nenum cgt_group_id { __RESERVED__, __MULTIPLE_CONTROL_BITS__ = R99999 + E99999, __COMPLEX_CONDITIONS__, __NR_CGT_GROUP_IDS__ };\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown adversarial kernel input.");
        }

        return text.ToString();
    }
}
