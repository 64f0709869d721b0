using System.Diagnostics;

namespace NvTrap.Compiler.Tests.Syntax;

/// <summary>
/// Locating the tokens of an expression inside its YAML scalar: linear in the scalar's length (a
/// 64 KB value once took seconds, every token's line and column counted from the scalar's start),
/// and still exact across line breaks of every kind inside the scalar.
/// </summary>
public class ScalarPositionsTests
{
    private static string WithCondition(string quotedExpression) =>
        "ruleset: t\nregisters:\n  R: { fields: { A: 0 } }\nconditions:\n  K: { forward: any, when: " + quotedExpression + " }\ntraps:\n  - { group: K, sysreg: S3_0_C1_C0_0 }\n";

    [Fact]
    public void An_expression_as_long_as_a_value_may_be_is_read_in_linear_time()
    {
        // 65,536 characters, 21,845 located tokens. Quadratic locating took over ten seconds here.
        string expression = "R.A" + string.Concat(Enumerable.Repeat(" +R", 21_843)) + "+R.A";
        Assert.Equal(65_536, expression.Length);
        string yaml = WithCondition("\"" + expression + "\"");
        Testing.Rules.Compile(("t.nvtrap.yaml", yaml));
        var clock = Stopwatch.StartNew();
        var diagnostics = Testing.Rules.Diagnostics(("t.nvtrap.yaml", yaml));
        Assert.Empty(diagnostics);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"reading took {clock.Elapsed.TotalSeconds:N1} s");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_token_after_line_breaks_inside_a_quoted_scalar_is_located_on_its_line(string lineEnd)
    {
        // The error is the '$' on the scalar's third line, in column 7.
        string yaml = WithCondition("\"R.A +\n    R.A +\n      $\"").Replace("\n", lineEnd);
        var error = Assert.Single(Testing.Rules.Diagnostics(("t.nvtrap.yaml", yaml)));
        Assert.Equal("NVT060", error.Id);
        Assert.Equal((7, 7), (error.Span.StartLine, error.Span.StartColumn));
        Assert.Equal('$', yaml[error.Span.StartOffset]);
    }
}
