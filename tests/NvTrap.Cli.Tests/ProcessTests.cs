using System.Diagnostics;
using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests;

/// <summary>
/// The built executable, as a user runs it: standard streams, the working directory (check's
/// default rules/ folder), and the output flushed at exit.
/// </summary>
public class ProcessTests
{
    private static CliResult RunProcess(string workingDirectory, string input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NvTrap.Cli.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(60_000), "nvtrap did not finish within a minute");
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Eval_reads_standard_input_and_writes_standard_output()
    {
        string input = "esr\thcr_el2\n" + string.Concat(Enumerable.Repeat("0x62300860\t0x4000000\n", 20_000));

        var result = RunProcess(AppContext.BaseDirectory, input, "eval");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(20_001, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("0x62300860\t0x4000000\t1\tHCR_TVM_TRVM:HCR_TVM\tforward\n", result.Output);
    }

    [Fact]
    public void Check_without_a_path_checks_the_rules_folder_of_the_working_directory()
    {
        using var directory = new TempDirectory();
        directory.Write("rules/mini/mini.nvtrap.yaml", MiniRuleset.Text);

        var found = RunProcess(directory.Path, "", "check");
        var missing = RunProcess(Path.Combine(directory.Path, "rules"), "", "check");

        Assert.Equal(0, found.ExitCode);
        Assert.Equal("checked 1 file, 1 ruleset (mini): 0 errors, 0 warnings\n", found.Output);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no PATH given and there is no rules/ folder here", missing.Error);
    }

    [Fact]
    public void Decode_of_another_exception_class_exits_2()
    {
        var result = RunProcess(AppContext.BaseDirectory, "", "decode", "0x5A000000");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("EC 0x16 (HVC in AArch64), not EC 0x18", result.Error);
    }
}
