using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Hostile;

/// <summary>
/// Every file the tool reads whole is capped in size: rule files at 3 bytes for each of the
/// parser's 16 Mi characters, <c>--vm</c> profiles at 16 MiB, <c>--state</c> files at 1 MiB.
/// The over-long files here are sparse (their length set, nothing written), so they cost no disk.
/// </summary>
public class InputSizeLimitTests
{
    private static string Sparse(TempDirectory directory, string name, long length)
    {
        string path = Path.Combine(directory.Path, name);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.SetLength(length);
        return path;
    }

    [Fact]
    public void A_state_file_over_1_MiB_is_refused_before_its_lines_are_read()
    {
        using var directory = new TempDirectory();
        string big = Sparse(directory, "big.txt", (1024 * 1024) + 1);

        var result = Tool.Run("explain", "--esr", "0x62300860", "--state", big);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal([$"nvtrap explain: --state {big}: it is larger than the limit of 1,048,576 bytes."], result.ErrorLines);
    }

    [Fact]
    public void A_state_file_of_exactly_1_MiB_is_read()
    {
        using var directory = new TempDirectory();
        string line = "HCR_EL2 0x4000000\n";
        string padding = new string('#', (1024 * 1024) - line.Length - 1) + "\n";
        string state = directory.Write("full.txt", line + padding);
        Assert.Equal(1024 * 1024, new FileInfo(state).Length);

        var result = Tool.Run("explain", "--esr", "0x62300860", "--state", state);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("reason:    HCR_TVM_TRVM:HCR_TVM", result.OutputLines);
    }

    [Fact]
    public void A_vm_profile_over_16_MiB_is_refused()
    {
        using var directory = new TempDirectory();
        string big = Sparse(directory, "vm.yaml", (16L * 1024 * 1024) + 1);

        var result = Tool.Run("explain", "--esr", "0x62300860", "--vm", big);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"nvtrap explain: --vm {big}: it is larger than the limit of 16,777,216 bytes."], result.ErrorLines);
    }

    [Fact]
    public void A_rule_file_over_48_MiB_is_refused_at_its_first_position()
    {
        using var directory = new TempDirectory();
        string big = Sparse(directory, "big.nvtrap.yaml", (48L * 1024 * 1024) + 1);

        var result = Tool.Run("check", big);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"{big}(1,1): error NVT007: Rule file is larger than 50,331,648 bytes; the limit is 16,777,216 characters. Split the rules into several *.nvtrap.yaml files.",
                "checked 1 file, 0 rulesets: 1 error, 0 warnings",
            ],
            result.OutputLines);
    }
}
