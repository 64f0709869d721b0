using System.Reflection;
using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Commands;

public class HelpAndVersionTests
{
    [Theory]
    [InlineData("decode", "nvtrap decode 0x62300860")]
    [InlineData("explain", "nvtrap explain --esr 0x62300860 --hcr-el2 0x4000000")]
    [InlineData("eval", "nvtrap eval samples/eval/accesses.tsv")]
    [InlineData("check", "nvtrap check rules/linux-6.6")]
    [InlineData("table", "nvtrap table --format text")]
    [InlineData("groups", "nvtrap groups --format text")]
    public void Every_command_has_help_with_an_example(string command, string example)
    {
        var result = Tool.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"nvtrap {command}", result.Output);
        Assert.Contains("--rules <PATH>", result.Output);
        Assert.Contains("Examples:", result.Output);
        Assert.Contains(example, result.Output);
    }

    [Fact]
    public void The_root_help_lists_the_commands_and_the_exit_codes()
    {
        var result = Tool.Run("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string command in new[] { "decode <ESR>", "explain", "eval <FILE>", "check <PATH>", "table", "groups" })
        {
            Assert.Contains("  " + command, result.Output);
        }

        Assert.Contains("Exit codes:\n  0  success\n  1  rule errors", result.Output);
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var result = Tool.Run("--version");

        string expected = typeof(App).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + "\n", result.Output);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("table", "--format", "csv")]
    [InlineData("explain", "--hcr-el2", "0x1")]
    [InlineData("explain", "--esr", "0x62300860", "--no-such-register", "1")]
    [InlineData]
    public void Usage_errors_exit_2_and_point_to_help(params string[] args)
    {
        var result = Tool.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith("nvtrap: ", result.Error);
        Assert.Contains("--help' for usage.", result.Error);
    }
}
