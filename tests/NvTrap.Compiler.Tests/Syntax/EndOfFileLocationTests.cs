namespace NvTrap.Compiler.Tests.Syntax;

/// <summary>
/// A file that does not end in a line break is read by the YAML parser as if it did, which marks
/// the end of the stream on a line after the last: diagnostics there are placed at the end of the
/// last line instead, the place an editor can show.
/// </summary>
public class EndOfFileLocationTests
{
    [Theory]
    [InlineData("ruleset: t\ntraps:\n  - { group: C, sysregs: [S3_0_C1_C0_0")]
    [InlineData("ruleset: t\r\ntraps:\r\n  - { group: C, sysregs: [S3_0_C1_C0_0")]
    public void A_syntax_error_at_the_end_of_a_file_without_a_final_line_break_is_on_its_last_line(string yaml)
    {
        var error = Assert.Single(Testing.Rules.Diagnostics(("t.nvtrap.yaml", yaml)), d => d.Id == "NVT001");
        var lines = yaml.Split('\n');
        Assert.Equal(lines.Length, error.Span.StartLine);
        Assert.Equal(lines[^1].TrimEnd('\r').Length + 1, error.Span.StartColumn);
        Assert.Equal(yaml.Length, error.Span.StartOffset);
        Assert.True(error.Span.EndLine <= lines.Length);
    }

    [Fact]
    public void A_whole_file_span_ends_on_its_last_line()
    {
        string yaml = "registers:\n  R: { fields: { A: 0 } }";
        var error = Assert.Single(Testing.Rules.Diagnostics(("t.nvtrap.yaml", yaml)), d => d.Id == "NVT005");
        Assert.Equal((2, 26), (error.Span.EndLine, error.Span.EndColumn));
        Assert.Equal(yaml.Length, error.Span.EndOffset);
    }
}
