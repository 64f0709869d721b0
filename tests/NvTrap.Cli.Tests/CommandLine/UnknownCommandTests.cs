using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.CommandLine;

/// <summary>
/// A first word that is not a command gets one message — the word, the command it is probably a
/// typo of or the list of commands — and the pointer to --help; no "Required command was not
/// provided" before it. Exit code 2, nothing on standard output.
/// </summary>
public class UnknownCommandTests
{
    /// <summary>The commands as the tree has them (so commands added later are listed too).</summary>
    private static readonly string Commands = string.Join(", ",
        CommandTree.Build(new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null), []).Root.Subcommands.Select(c => c.Name));

    [Theory]
    [InlineData("nvtrap: unknown command 'chek'; did you mean 'check'?", "chek", "rules/")]
    [InlineData("nvtrap: unknown command 'exlpain'; did you mean 'explain'?", "exlpain", "--esr", "0x62300860")]
    [InlineData("nvtrap: unknown command 'tabel'; did you mean 'table'?", "tabel")]
    [InlineData("nvtrap: unknown command 'Groups'; did you mean 'groups'?", "Groups")]
    [InlineData("nvtrap: unknown command 'dec'; did you mean 'decode'?", "dec", "0x62300860")]
    [InlineData("nvtrap: unknown command 'frobnicate'; the commands are {commands}.", "frobnicate")]
    [InlineData("nvtrap: unknown command 'frobnicate'; the commands are {commands}.", "--rules", "rules/", "frobnicate", "--esr", "1")]
    [InlineData("nvtrap: unknown option '--rule'; did you mean '--rules'?", "--rule", "rules/")]
    [InlineData("nvtrap: unknown option '--esr'; give a command ({commands}), then its options.", "--esr", "0x62300860")]
    public void An_unknown_first_word_gets_one_message_and_the_pointer_to_help(string message, params string[] args)
    {
        var result = Tool.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal([message.Replace("{commands}", Commands), "Run 'nvtrap --help' for usage."], result.ErrorLines);
    }

    [Fact]
    public void The_command_list_is_the_trees()
    {
        Assert.StartsWith("decode, explain, eval, check, table, groups", Commands);
    }

    [Theory]
    [InlineData]
    [InlineData("--rules", "rules/")]
    public void No_command_at_all_lists_the_commands(params string[] args)
    {
        var result = Tool.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal(["nvtrap: no command given; the commands are " + Commands + ".", "Run 'nvtrap --help' for usage."], result.ErrorLines);
    }

    [Fact]
    public void A_long_unknown_word_is_quoted_shortened_and_with_control_characters_shown()
    {
        string word = "x\u001b[31m" + new string('y', 200);

        var result = Tool.Run(word);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "nvtrap: unknown command 'x\\u001B[31m" + new string('y', 34) + "' (first 40 of 206 characters); the commands are " + Commands + ".",
            result.ErrorLines[0]);
    }

    [Fact]
    public void Errors_after_a_command_are_still_that_commands()
    {
        var result = Tool.Run("table", "--frob");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["nvtrap: table has no option '--frob'; its options are --format, --ruleset, --rules.", "Run 'nvtrap table --help' for usage."], result.ErrorLines);
    }

    [Theory]
    [InlineData("chekc", "check")]
    [InlineData("evl", "eval")]
    [InlineData("ex", "explain")]
    [InlineData("EXPLAIN", "explain")]
    [InlineData("groupz", "groups")]
    [InlineData("xyz", null)]
    [InlineData("e", null)]
    public void Suggests_the_nearest_command_or_none(string word, string? expected)
    {
        Assert.Equal(expected, UnknownCommand.Suggest(word, ["decode", "explain", "eval", "check", "table", "groups"]));
    }

    [Fact]
    public void Suggests_nothing_when_two_names_are_equally_near()
    {
        Assert.Null(UnknownCommand.Suggest("cat", ["bat", "hat"]));
        Assert.Null(UnknownCommand.Suggest("ta", ["table", "tally"]));
    }
}
