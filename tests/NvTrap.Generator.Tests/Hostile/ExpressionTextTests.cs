using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NvTrap.Generator.Tests.Infrastructure;

namespace NvTrap.Generator.Tests.Hostile;

/// <summary>
/// Rule text that reaches generated code — expressions in comments, XML doc and string literals,
/// rule file paths in comments — cannot break out of where it is written, whatever line breaks,
/// separators or control characters it holds; and diagnostics that quote it stay one line.
/// </summary>
public class ExpressionTextTests
{
    /// <summary>Every character <c>char.IsWhiteSpace</c> accepts, which is what the expression parser skips between tokens.</summary>
    public static TheoryData<string> Whitespace => new()
    {
        "\\t", "\\n", "\\r", "\\r\\n", "\\v", "\\f", "\\N", "\\_", "\\L", "\\P", "\\u1680", "\\u2000", "\\u2001", "\\u2002", "\\u2003",
        "\\u2004", "\\u2005", "\\u2006", "\\u2007", "\\u2008", "\\u2009", "\\u200A", "\\u202F", "\\u205F", "\\u3000",
    };

    /// <summary>
    /// A ruleset whose condition, filter and both context tests each hold <paramref name="separator"/>
    /// (a YAML double-quoted escape) between tokens: every kind of expression text the emitter writes.
    /// </summary>
    private static string Everywhere(string separator) => $$"""
        ruleset: t
        context:
          hypervisor: "el == 2{{separator}}|| R.A"
          host_el0: "el{{separator}}!= 2"
        registers:
          R: { fields: { A: 0, W: [7, 4] } }
          F: { res0: [[63, 4], [2, 0]], fields: { X: 3 } }
        conditions:
          K: { forward: any, when: "R.W == 5{{separator}}&&{{separator}}crm != 0" }
        filters:
          FX: "R.W{{separator}}== 1"
        fine_grained:
          G: { both: F }
        traps:
          - { group: K, sysreg: S3_0_C1_C0_0 }
        fine_grained_traps:
          - { sysreg: S3_0_C1_C0_1, bit: G.X, trap_when: set, filter: FX }
        """;

    [Theory]
    [MemberData(nameof(Whitespace))]
    public void Any_whitespace_the_parser_accepts_stays_inside_comments_and_literals(string separator)
    {
        var outcome = CheckBuildAgreement.Verify(Everywhere(separator), semantics: true);
        Assert.DoesNotContain(outcome.CheckDiagnostics, d => d.Contains(" error ", StringComparison.Ordinal));
        AssertSameCodeAs(outcome, CheckBuildAgreement.Verify(Everywhere(" ")));
    }

    [Theory]
    [InlineData("|")]
    [InlineData("|-")]
    [InlineData(">")]
    [InlineData("|+")]
    public void Block_scalar_expressions_compile(string indicator)
    {
        string yaml = $$"""
            ruleset: t
            registers:
              R: { fields: { A: 0, W: [7, 4] } }
            conditions:
              K:
                forward: any
                when: {{indicator}}
                  R.W == 5

                  && (crm != 0
                      || R.A)
            filters:
              FX: {{indicator}}
                R.A
                  || R.W == 2
            traps:
              - { group: K, sysreg: S3_0_C1_C0_0 }
            """;
        var outcome = CheckBuildAgreement.Verify(yaml, semantics: true);
        Assert.All(outcome.CheckDiagnostics, d => Assert.Contains(" NVT073: ", d)); // the filter is not used
        string plain = """
            ruleset: t
            registers:
              R: { fields: { A: 0, W: [7, 4] } }
            conditions:
              K:
                forward: any
                when: "R.W == 5 && (crm != 0 || R.A)"
            filters:
              FX: "R.A || R.W == 2"
            traps:
              - { group: K, sysreg: S3_0_C1_C0_0 }
            """;
        AssertSameCodeAs(outcome, CheckBuildAgreement.Verify(plain));
        if (indicator == "|")
        {
            Assert.Contains("///     || R.A)", outcome.GeneratedText);
        }
    }

    public static TheoryData<string> HostilePaths => new()
    {
        "rules/line\nbreak/t.nvtrap.yaml",
        "rules/carriage\rreturn/t.nvtrap.yaml",
        "rules/sep\u2028ar\u2029ators\u0085/t.nvtrap.yaml",
        "rules/<xml & \"quotes\">/t.nvtrap.yaml",
        "rules/\u0001control\u007F/t.nvtrap.yaml",
        "rules/*/ */ // /t.nvtrap.yaml",
        "C:\\rules\\back\\slash\\t.nvtrap.yaml",
    };

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public void Rule_file_paths_stay_inside_generated_comments(string path)
    {
        // A second file in another folder, so generated comments name the first by its folder too.
        var other = ("rules/other/u.nvtrap.yaml", "ruleset: t\nsysregs:\n  X_EL1: S3_0_C1_C0_0\n");
        var outcome = CheckBuildAgreement.Verify(new[] { (path, Everywhere(" ")), other }, "t");
        Assert.DoesNotContain(outcome.CheckDiagnostics, d => d.Contains(" error ", StringComparison.Ordinal));
        Assert.Contains(outcome.CheckDiagnostics, d => d.StartsWith(path, StringComparison.Ordinal));
        AssertSameCodeAs(outcome, CheckBuildAgreement.Verify(new[] { ("rules/plain/t.nvtrap.yaml", Everywhere(" ")), other }, "t"));
    }

    public static TheoryData<string> Errors => new()
    {
        "R.A \\x01 R.W",
        "R.A &&\\n$",
        "R.A\\L&&\\P@",
        "R.A \\u200B&& R.W",
        "R.A \\uFEFF",
        "R.A\\N&&\\N",
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Diagnostics_that_quote_rule_text_are_one_line(string expression)
    {
        var outcome = CheckBuildAgreement.Verify(LongExpressionTests.WithCondition(expression));
        string error = Assert.Single(outcome.CheckDiagnostics);
        Assert.Contains(" error NVT060: ", error);
        Assert.DoesNotContain(error, c => char.IsControl(c) || c is '\u2028' or '\u2029');
    }

    /// <summary>
    /// Rule text changed only comments and string literals: the generated code's tokens are those
    /// generated for the same rules with plain text, but for the contents of string literals. Text
    /// that escaped a comment or a literal would add, remove or change tokens.
    /// </summary>
    private static void AssertSameCodeAs(CheckBuildAgreement.Outcome hostile, CheckBuildAgreement.Outcome plain)
    {
        static IEnumerable<string> Tokens(CheckBuildAgreement.Outcome outcome) =>
            outcome.Generated.SelectMany(t => t.GetRoot().DescendantTokens())
                .Select(t => t.IsKind(SyntaxKind.StringLiteralToken) ? "<string>" : t.Text);

        Assert.Equal(Tokens(plain), Tokens(hostile));
    }
}
