using System.Text;
using NvTrap.Cli.Tests.Infrastructure;
using NvTrap.Compiler;

namespace NvTrap.Cli.Tests.Hostile;

/// <summary>
/// A rule file (or a VM profile) with thousands of problems prints at most 100 of them, as the
/// build shows them, then one NVT091 counting the rest; a folder of many broken files prints at
/// most 100 in all, errors first, then "... and N more". check's summary still counts every one
/// and the exit code is unchanged.
/// </summary>
public class DiagnosticFloodTests
{
    private const int Cap = 100;

    /// <summary>The mini ruleset with <paramref name="errors"/> traps naming undefined groups and <paramref name="warnings"/> unused controls.</summary>
    private static string Flood(int errors, int warnings)
    {
        var text = new StringBuilder("""
            ruleset: flood
            registers:
              R_EL2: { fields: { A: 0 } }
            controls:
              R_A: { register: R_EL2, mask: A, value: A, forward: any }

            """);
        for (int i = 0; i < warnings; i++)
        {
            text.Append($"  UNUSED_{i}: {{ register: R_EL2, mask: A, value: 0, forward: any }}\n");
        }

        text.Append("traps:\n  - { group: R_A, sysreg: S3_0_C1_C0_0 }\n");
        for (int i = 0; i < errors; i++)
        {
            text.Append($"  - {{ group: MISSING_{i}, sysreg: S3_0_C1_C0_1 }}\n");
        }

        return text.ToString();
    }

    private static List<string> CompilerLines(string path) =>
        RuleCompiler.Compile([new RuleSource(path, File.ReadAllText(path))]).Diagnostics.Select(d => d.ToDisplayString()).ToList();

    [Fact]
    public void Check_prints_the_first_100_then_how_many_more_and_the_summary_counts_them_all()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("flood.nvtrap.yaml", Flood(errors: 3_000, warnings: 0));
        var expected = CompilerLines(file);
        Assert.Equal(3_000, expected.Count);

        var result = Tool.Run("check", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Cap + 2, result.OutputLines.Length);
        Assert.Equal(expected.Take(Cap), result.OutputLines.Take(Cap));
        Assert.StartsWith($"{file}(", result.OutputLines[Cap]);
        Assert.Contains("): warning NVT091: 2,900 more diagnostics in this file not shown (2,900 errors, 0 warnings); the first is here: NVT012: ", result.OutputLines[Cap]);
        Assert.Equal("checked 1 file, 1 ruleset (flood): 3,000 errors, 0 warnings", result.OutputLines[^1]);
    }

    [Fact]
    public void Past_the_cap_of_a_file_errors_are_kept_before_warnings_each_in_the_compilers_order()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("flood.nvtrap.yaml", Flood(errors: 5, warnings: 150));
        var expected = CompilerLines(file);
        var errors = expected.Where(l => l.Contains(": error NVT", StringComparison.Ordinal)).ToList();
        var warnings = expected.Where(l => l.Contains(": warning NVT", StringComparison.Ordinal)).ToList();
        Assert.Equal((5, 150), (errors.Count, warnings.Count));

        var result = Tool.Run("check", file);

        Assert.Equal(1, result.ExitCode);
        var printed = result.OutputLines[..Cap];
        Assert.Equal(errors, printed.Where(l => l.Contains(": error NVT", StringComparison.Ordinal)));
        Assert.Equal(warnings.Take(95), printed.Where(l => l.Contains(": warning NVT", StringComparison.Ordinal)));
        Assert.Equal(expected.Where(printed.Contains), printed);
        Assert.Contains(": warning NVT091: 55 more diagnostics in this file not shown (0 errors, 55 warnings); the first is here: NVT070: ", result.OutputLines[Cap]);
        Assert.Equal("checked 1 file, 1 ruleset (flood): 5 errors, 150 warnings", result.OutputLines[^1]);
    }

    [Theory]
    [InlineData(Cap, false)]
    [InlineData(Cap + 1, true)]
    public void The_line_appears_only_past_the_cap(int errors, bool capped)
    {
        using var directory = new TempDirectory();
        string file = directory.Write("flood.nvtrap.yaml", Flood(errors, warnings: 0));

        var result = Tool.Run("check", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(capped, result.OutputLines.Any(l => l.Contains(": warning NVT091: ", StringComparison.Ordinal)));
        Assert.Equal(capped ? Cap + 2 : Cap + 1, result.OutputLines.Length);
        if (capped)
        {
            Assert.Contains(": warning NVT091: 1 more diagnostic in this file not shown (1 error, 0 warnings)", result.OutputLines[Cap]);
        }
    }

    [Fact]
    public void A_rules_option_naming_broken_rules_prints_at_most_100_before_saying_so()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("flood.nvtrap.yaml", Flood(errors: 500, warnings: 0));

        var result = Tool.Run("table", "--rules", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal(Cap + 2, result.ErrorLines.Length);
        Assert.Contains(": warning NVT091: 400 more diagnostics in this file not shown (400 errors, 0 warnings)", result.ErrorLines[Cap]);
        Assert.Equal($"nvtrap: the rules in {file} have 500 errors; fix them and run again ('nvtrap check {file}' lists them).", result.ErrorLines[^1]);
    }

    [Fact]
    public void A_vm_profile_with_thousands_of_problems_prints_at_most_100()
    {
        using var directory = new TempDirectory();
        string vm = directory.Write("vm.yaml", string.Concat(Enumerable.Range(0, 1_000).Select(i => $"bogus{i}: 1\n")));

        var result = Tool.Run("explain", "--esr", "0x62300860", "--vm", vm);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Cap + 2, result.ErrorLines.Length);
        Assert.StartsWith($"{vm}(1,1): error NVT002: Unknown key 'bogus0' in a VM profile.", result.ErrorLines[0]);
        Assert.Contains(": warning NVT091: 900 more diagnostics in this file not shown (900 errors, 0 warnings)", result.ErrorLines[Cap]);
        Assert.Equal($"nvtrap explain: the VM profile {vm} has 1,000 errors; fix it and run again.", result.ErrorLines[^1]);
    }

    [Fact]
    public void A_folder_of_broken_files_prints_at_most_100_in_all_errors_first_then_how_many_more()
    {
        using var directory = new TempDirectory();
        var files = Enumerable.Range(0, 3).Select(i => directory.Write($"flood{i}.nvtrap.yaml", Flood(errors: 60, warnings: 5).Replace("ruleset: flood", $"ruleset: flood{i}", StringComparison.Ordinal))).ToList();

        var result = Tool.Run("check", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Cap + 2, result.OutputLines.Length);
        Assert.Equal(Cap, result.OutputLines[..Cap].Count(l => l.Contains(": error NVT012: ", StringComparison.Ordinal)));
        Assert.Equal("... and 95 more diagnostics (80 errors, 15 warnings) not shown; at most 100 are printed, errors first.", result.OutputLines[Cap]);
        Assert.Equal("checked 3 files, 3 rulesets (flood0, flood1, flood2): 180 errors, 15 warnings", result.OutputLines[^1]);
    }
}
