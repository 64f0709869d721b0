using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Tests.Robustness;

/// <summary>The YAML front end's limits hold, and hostile input is refused, not expanded.</summary>
public class YamlLimitTests
{
    private static List<RuleDiagnostic> Parse(string text, YamlLimits? limits = null)
    {
        var diagnostics = new List<RuleDiagnostic>();
        RuleFileParser.Parse("x.nvtrap.yaml", text, diagnostics, limits);
        return diagnostics;
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_parsing()
    {
        var diagnostic = Assert.Single(Parse("ruleset: t\n# " + new string('x', 200) + "\n", YamlLimits.Default with { MaxChars = 100 }));
        Assert.Equal("NVT007", diagnostic.Id);
        Assert.Contains("the limit is 100", diagnostic.Message);
    }

    [Fact]
    public void Too_many_nodes_are_refused()
    {
        string text = "ruleset: t\nsysregs:\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"  R{i}: [3, 0, 1, 0, 0]\n"));
        var diagnostic = Assert.Single(Parse(text, YamlLimits.Default with { MaxNodes = 50 }));
        Assert.Equal("NVT007", diagnostic.Id);
        Assert.Contains("more than 50 YAML nodes", diagnostic.Message);
    }

    [Fact]
    public void An_overlong_scalar_is_refused()
    {
        var diagnostic = Assert.Single(Parse("ruleset: " + new string('a', 300) + "\n", YamlLimits.Default with { MaxScalarChars = 256 }));
        Assert.Equal("NVT007", diagnostic.Id);
        Assert.Equal((1, 10), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Fact]
    public void Deep_nesting_far_beyond_the_limit_neither_overflows_the_stack_nor_throws()
    {
        string text = "ruleset: t\nx: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var diagnostic = Assert.Single(Parse(text));
        Assert.Equal("NVT007", diagnostic.Id);
        Assert.Contains("deeper than 64 levels", diagnostic.Message);
    }

    [Fact]
    public void An_alias_bomb_is_refused_at_its_first_anchor()
    {
        var text = new System.Text.StringBuilder("ruleset: t\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++)
        {
            text.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        var diagnostic = Assert.Single(Parse(text.ToString()));
        Assert.Equal("NVT006", diagnostic.Id);
        Assert.Equal((2, 5), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Fact]
    public void Tags_and_second_documents_are_refused()
    {
        Assert.Equal("NVT006", Assert.Single(Parse("ruleset: !!str t\n")).Id);
        Assert.Equal("NVT006", Assert.Single(Parse("ruleset: t\n---\nruleset: u\n")).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    public void An_empty_file_says_what_it_needs(string text)
    {
        var diagnostic = Assert.Single(Parse(text));
        Assert.Equal("NVT005", diagnostic.Id);
        Assert.Contains("ruleset", diagnostic.Message);
    }

    [Fact]
    public void Malformed_yaml_that_makes_the_parser_throw_is_a_located_syntax_error()
    {
        // YamlDotNet throws InvalidOperationException, not YamlException, for this input.
        var diagnostic = Assert.Single(Parse("ruleset: t\ntraps: [\nb]\n"));
        Assert.Equal("NVT001", diagnostic.Id);
        Assert.Equal((2, 8), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Contains("indented more than its key", diagnostic.Message);
    }
}
