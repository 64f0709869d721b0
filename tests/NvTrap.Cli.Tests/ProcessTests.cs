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

    [Fact]
    public void Export_of_a_built_in_ruleset_writes_a_kernel_tree()
    {
        using var directory = new TempDirectory();
        string tree = Path.Combine(directory.Path, "tree");

        var result = RunProcess(directory.Path, "", "export", "kernel-c", "--ruleset", "linux-7.1", "--out", tree);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal($"exported linux-7.1 (rules/linux-7.1): 7 files written to {tree}\n", result.Output);
        Assert.Equal(
            new[] { "arch/arm64/include/asm/kvm_arm.h", "arch/arm64/include/asm/kvm_host.h", "arch/arm64/include/asm/sysreg.h", "arch/arm64/kvm/emulate-nested.c", "arch/arm64/tools/sysreg", "include/clocksource/arm_arch_timer.h", "nvtrap-overlay.yaml" },
            Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(tree, p).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Contains("\tCCC(CGT_MDCR_HPMN, check_mdcr_hpmn),\n", File.ReadAllText(Path.Combine(tree, "arch/arm64/kvm/emulate-nested.c")));
    }

    [Fact]
    public void Export_with_both_rules_and_ruleset_exits_2()
    {
        using var directory = new TempDirectory();
        directory.Write("rules/mini/mini.nvtrap.yaml", MiniRuleset.Text);

        var both = RunProcess(directory.Path, "", "export", "kernel-c", "--rules", "rules/mini", "--ruleset", "linux-7.1");
        var unknown = RunProcess(directory.Path, "", "export", "kernel-c", "--ruleset", "linux-0");

        Assert.Equal(2, both.ExitCode);
        Assert.Equal("", both.Output);
        Assert.Contains("--rules rules/mini and --ruleset linux-7.1 both name a ruleset; give one of them.", both.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("there is no built-in ruleset 'linux-0'", unknown.Error);
    }
}
