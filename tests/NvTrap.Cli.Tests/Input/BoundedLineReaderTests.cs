using NvTrap.Cli.Input;

namespace NvTrap.Cli.Tests.Input;

public class BoundedLineReaderTests
{
    private static List<(LineStatus Status, string Line, long Number)> ReadAll(string text, int maxLength, int bufferSize)
    {
        var reader = new BoundedLineReader(new StringReader(text), maxLength, bufferSize);
        var lines = new List<(LineStatus, string, long)>();
        LineStatus status;
        while ((status = reader.Read()) != LineStatus.End)
        {
            lines.Add((status, reader.Line.ToString(), reader.LineNumber));
        }

        return lines;
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(64)]
    public void Splits_lines_across_buffer_boundaries(int bufferSize)
    {
        var lines = ReadAll("alpha\r\nbeta\n\ngamma-delta\nlast", maxLength: 100, bufferSize);

        Assert.Equal(
            [(LineStatus.Line, "alpha", 1L), (LineStatus.Line, "beta", 2L), (LineStatus.Line, "", 3L), (LineStatus.Line, "gamma-delta", 4L), (LineStatus.Line, "last", 5L)],
            lines);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(64)]
    public void Rejects_lines_over_the_limit_and_goes_on(int bufferSize)
    {
        var lines = ReadAll("short\n0123456789ABC\n0123456789\n0123456789\r\nend", maxLength: 10, bufferSize);

        Assert.Equal(
            [(LineStatus.Line, "short", 1L), (LineStatus.TooLong, "", 2L), (LineStatus.Line, "0123456789", 3L), (LineStatus.Line, "0123456789", 4L), (LineStatus.Line, "end", 5L)],
            lines);
    }

    [Fact]
    public void An_empty_input_has_no_lines()
    {
        Assert.Empty(ReadAll("", 10, 16));
    }

    [Fact]
    public void A_final_line_ending_adds_no_empty_line()
    {
        Assert.Equal([(LineStatus.Line, "a", 1L)], ReadAll("a\n", 10, 16));
    }
}
