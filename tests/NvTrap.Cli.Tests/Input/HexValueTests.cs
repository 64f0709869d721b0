using NvTrap.Cli.CommandLine;

namespace NvTrap.Cli.Tests.Input;

public class HexValueTests
{
    [Theory]
    [InlineData("0x62300860", 0x62300860UL)]
    [InlineData("62300860", 0x62300860UL)]
    [InlineData("0X4000000", 0x4000000UL)]
    [InlineData(" 0xff ", 0xFFUL)]
    [InlineData("FFFFFFFFFFFFFFFF", ulong.MaxValue)]
    [InlineData("0x0000000000000000001", 1UL)]
    [InlineData("0", 0UL)]
    public void Parses_hex_with_or_without_0x(string text, ulong expected)
    {
        Assert.True(HexValue.TryParse(text, out ulong value, out string? problem), problem);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("", "the value is empty")]
    [InlineData("0x", "'0x' has no digits after it")]
    [InlineData("0x1g", "'0x1g' is not hexadecimal ('g' is not a hex digit)")]
    [InlineData("-1", "'-1' is not hexadecimal ('-' is not a hex digit)")]
    [InlineData("1_000", "'1_000' is not hexadecimal ('_' is not a hex digit)")]
    [InlineData("10000000000000000", "has 17 significant hex digits")]
    public void Rejects_bad_hex_saying_why(string text, string message)
    {
        Assert.False(HexValue.TryParse(text, out _, out string? problem));
        Assert.Contains(message, problem);
    }
}
