using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.CommandLine;

/// <summary>
/// A word after a command that looks like an option but is not one of the command's gets one
/// message naming it — not the parser's follow-on complaints about the words around it — then
/// the pointer to the command's --help. Exit code 2, nothing on standard output.
/// </summary>
public class UnknownOptionTests
{
    [Theory]
    // explain takes --esr; decode takes the ESR as its argument.
    [InlineData("nvtrap: decode has no option '--esr'; give the ESR on its own, without '--esr': nvtrap decode <ESR>.", "decode", "--esr", "0x62300860")]
    [InlineData("nvtrap: decode has no option '--rule'; did you mean '--rules'?", "decode", "0x62300860", "--rule", "rules/")]
    [InlineData("nvtrap: decode has no option '--bogus'; its options are --ruleset, --rules.", "decode", "0x62300860", "--bogus")]
    [InlineData("nvtrap: explain has no option '--hcr_el2'; did you mean '--hcr-el2'?", "explain", "--esr", "0x62300860", "--hcr_el2", "0x4000000")]
    [InlineData("nvtrap: explain has no option '--bogus'.", "explain", "--bogus", "1", "--esr", "0x62300860")]
    public void An_unknown_option_gets_one_message_and_the_pointer_to_help(string message, params string[] args)
    {
        var result = Tool.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal([message, $"Run 'nvtrap {args[0]} --help' for usage."], result.ErrorLines);
    }

    [Fact]
    public void A_value_that_starts_with_a_dash_is_the_options_value_not_an_unknown_option()
    {
        // '-x' is --ruleset's value: the complaint is about the ruleset, as before.
        var result = Tool.Run("decode", "--ruleset", "-x", "0x62300860");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("nvtrap: there is no built-in ruleset '-x'", result.ErrorLines[0]);
    }

    [Fact]
    public void After_a_double_dash_a_word_with_a_dash_is_an_argument()
    {
        var result = Tool.Run("decode", "--", "-62300860");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("nvtrap: ESR: '-62300860' is not hexadecimal", result.ErrorLines[0]);
    }

    [Fact]
    public void Other_usage_errors_are_reported_as_the_parser_gives_them()
    {
        var result = Tool.Run("decode", "zz");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["nvtrap: ESR: 'zz' is not hexadecimal ('z' is not a hex digit); give a value such as 0x4000000 or 4000000.", "Run 'nvtrap decode --help' for usage."], result.ErrorLines);
    }
}
