using System.Text.RegularExpressions;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Tests.Infrastructure;
using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Commands;

/// <summary>
/// Exit codes live in one place (ExitCodes): every command's help prints them from there,
/// README.md's table says the same, and decode and explain treat an ESR that is not EC 0x18 the
/// same way (explain used to print an explanation and exit 0 where decode exits 2).
/// </summary>
public class ExitCodeTests
{
    public static TheoryData<string, string> NotSysRegTraps => new()
    {
        { "0x96000045", "EC 0x25 (data abort without a change of exception level)" },
        { "0x5A000000", "EC 0x16 (HVC in AArch64)" },
        { "0x0", "EC 0x00 (unknown reason)" },
    };

    [Fact]
    public void The_codes_scripts_depend_on_do_not_move()
    {
        Assert.Equal((0, 1, 2), (ExitCodes.Ok, ExitCodes.Failure, ExitCodes.Usage));
        Assert.Equal([0, 1, 2], ExitCodes.Meanings.Select(m => m.Code));
    }

    [Theory]
    [MemberData(nameof(NotSysRegTraps))]
    public void Decode_and_explain_refuse_an_esr_that_is_not_ec_0x18_alike(string esr, string described)
    {
        var decode = Tool.Run("decode", esr);
        var explain = Tool.Run("explain", "--esr", esr);
        var json = Tool.Run("explain", "--esr", esr, "--json");

        string Message(string command) =>
            $"nvtrap {command}: ESR {HexValue.Format(Convert.ToUInt64(esr, 16))} has {described}, not EC 0x18: "
            + $"it is not a trapped MSR, MRS or System instruction, so it holds no system-register access to {command}.";
        foreach (var (result, command) in new[] { (decode, "decode"), (explain, "explain"), (json, "explain") })
        {
            Assert.Equal(ExitCodes.Usage, result.ExitCode);
            Assert.Equal("", result.Output);
            Assert.Equal([Message(command)], result.ErrorLines);
        }
    }

    [Fact]
    public void Explain_refuses_the_esr_before_reading_any_file()
    {
        using var directory = new TempDirectory();
        string missing = Path.Combine(directory.Path, "none.txt");

        var result = Tool.Run("explain", "--esr", "0x96000045", "--state", missing, "--vm", missing);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith("nvtrap explain: ESR 0x96000045 has EC 0x25", result.ErrorLines[0]);
    }

    [Theory]
    [InlineData]
    [InlineData("decode")]
    [InlineData("explain")]
    [InlineData("eval")]
    [InlineData("check")]
    [InlineData("table")]
    [InlineData("groups")]
    public void Every_help_lists_the_exit_codes_from_their_one_definition(params string[] command)
    {
        var result = Tool.Run([.. command, "--help"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        string section = "Exit codes:\n" + string.Concat(ExitCodes.Meanings.Select(m => $"  {m.Code}  {m.Meaning}\n"));
        Assert.Contains(section, result.Output);
    }

    [Theory]
    [InlineData("decode")]
    [InlineData("explain")]
    public void Decode_and_explain_help_say_a_non_ec_0x18_esr_is_refused_with_the_usage_code(string command)
    {
        var result = Tool.Run(command, "--help");

        Assert.Contains($"An ESR whose EC is not 0x18 is refused with exit code {ExitCodes.Usage}", result.Output);
    }

    [Fact]
    public void The_readme_table_says_what_the_code_says()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        int section = readme.IndexOf("\n### Exit codes\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '### Exit codes' section");
        string text = readme[(section + 1)..];
        int next = text.IndexOf("\n#", StringComparison.Ordinal);
        var rows = Regex.Matches(next < 0 ? text : text[..next], @"^\| (\d+) \| (.+) \|$", RegexOptions.Multiline)
            .Select(m => (int.Parse(m.Groups[1].Value), m.Groups[2].Value))
            .ToList();

        Assert.Equal(ExitCodes.Meanings, rows);
    }
}
