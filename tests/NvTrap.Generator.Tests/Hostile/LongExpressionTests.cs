using NvTrap.Generator.Tests.Infrastructure;

namespace NvTrap.Generator.Tests.Hostile;

/// <summary>
/// Long and deep expressions: a flat run of one associative operator is one level deep however
/// long it is, so 10,000 terms (and as many as the 65,536-character value limit holds) compile in
/// check and build alike and the build decides like the interpreter; a run of a non-associative
/// operator nests, and stops at the depth limit with a located NVT060; and no shape of expression
/// makes the emitter's work grow exponentially with its depth.
/// </summary>
public class LongExpressionTests
{
    private const string Registers = "registers:\n  R: { fields: { A: 0, W: [7, 4] } }\n  Q: { res0: [63], fields: { B: 1 } }\n";

    /// <summary>A ruleset whose one condition K has <paramref name="expression"/> (double-quoted) on line 6.</summary>
    internal static string WithCondition(string expression) =>
        "ruleset: t\n" + Registers + "conditions:\n  K: { forward: any, when: \"" + expression + "\" }\ntraps:\n  - { group: K, sysreg: S3_0_C1_C0_0 }\n";

    /// <summary><paramref name="terms"/> terms joined by <paramref name="op"/>, without spaces so 10,000 fit the 65,536-character value limit.</summary>
    private static string Run(string op, int terms, Func<int, string> term) => string.Join(op, Enumerable.Range(0, terms).Select(term));

    public static TheoryData<string, string> LongRuns => new()
    {
        { "+", "R.W" },
        { "*", "R.A" },
        { "|", "Q[5]" },
        { "^", "R" },
        { "&", "Q" },
        { "&&", "R.A" },
        { "||", "Q.B" },
    };

    [Theory]
    [MemberData(nameof(LongRuns))]
    public void Ten_thousand_terms_of_an_associative_operator_compile_and_decide_like_the_interpreter(string op, string operand)
    {
        var outcome = CheckBuildAgreement.Verify(WithCondition(Run(op, 10_000, _ => operand)), semantics: true);
        Assert.Empty(outcome.CheckDiagnostics);
    }

    [Fact]
    public void Ten_thousand_terms_mixing_operators_and_levels_compile_and_decide_like_the_interpreter()
    {
        // Every associative operator in turn: runs of each at every precedence level, nested in
        // one another (a + b * c | d ^ e & f && g || h + ...), each run one chain.
        string[] ops = { "+", "*", "|", "^", "&", "&&", "||" };
        string[] operands = { "R", "Q", "R.W", "Q.B", "crm", "7" };
        string expression = string.Concat(Enumerable.Range(0, 10_000).Select(i => (i == 0 ? string.Empty : ops[i % ops.Length]) + operands[i % operands.Length]));
        var outcome = CheckBuildAgreement.Verify(WithCondition(expression), semantics: true);
        Assert.Empty(outcome.CheckDiagnostics);
    }

    [Fact]
    public void An_expression_as_long_as_a_value_may_be_compiles()
    {
        // 65,536 characters is the value limit (YamlLimits.MaxScalarChars): "1+1+...+1".
        string expression = "R.A " + string.Concat(Enumerable.Repeat("+1", 32_766));
        Assert.Equal(65_536, expression.Length);
        var outcome = CheckBuildAgreement.Verify(WithCondition(expression), semantics: true);
        Assert.Empty(outcome.CheckDiagnostics);

        var tooLong = CheckBuildAgreement.Verify(WithCondition(expression + "+1"));
        var error = Assert.Single(tooLong.CheckDiagnostics);
        int column = WithCondition(expression).Split('\n')[5].IndexOf('"') + 1;
        Assert.Equal($"rules/t.nvtrap.yaml(6,{column}): error NVT007: Value is 65,538 characters long; the limit is 65,536.", error);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("<<")]
    [InlineData("==")]
    [InlineData("<")]
    public void A_long_run_of_a_non_associative_operator_stops_at_the_depth_limit_where_it_gets_too_deep(string op)
    {
        string expression = Run(op, 10_000, _ => "R.A");
        Assert.True(expression.Length < 65_536);
        var outcome = CheckBuildAgreement.Verify(WithCondition(expression));
        string error = Assert.Single(outcome.CheckDiagnostics);
        Assert.Contains(" error NVT060: Expression nests deeper than 64 levels here", error);

        // R.A is two levels (a field of a register); each operator adds one: the 63rd makes 65.
        string line = WithCondition(expression).Split('\n')[5];
        int column = 0;
        for (int i = 0; i < 63; i++)
        {
            column = line.IndexOf("R.A" + op, column + 1, StringComparison.Ordinal) + 3;
        }

        Assert.StartsWith($"rules/t.nvtrap.yaml(6,{column + 1}): error NVT060:", error);
    }

    public static TheoryData<string> DeepShapes
    {
        get
        {
            // Each shape is as deep as the limit allows; emitting any of them must not repeat work
            // per level (twice per level is 2^30 strings at this depth).
            string andPlus = "R.A";
            string conditional = "R.A";
            string not = "R.A";
            string orTimes = "Q.B";
            for (int i = 0; i < 30; i++)
            {
                andPlus = $"(({andPlus}) && Q.B) + 1";
                orTimes = $"(({orTimes}) || R.A) * 2";
            }

            for (int i = 0; i < 20; i++)
            {
                conditional = $"(({conditional}) ? R.W : Q[3:0]) ? 1 : 0";
            }

            for (int i = 0; i < 62; i++)
            {
                not = "!" + not;
            }

            return new TheoryData<string> { andPlus, conditional, not, orTimes };
        }
    }

    [Theory]
    [MemberData(nameof(DeepShapes))]
    public void Expressions_at_the_depth_limit_compile_in_time_linear_in_their_size(string expression)
    {
        var outcome = CheckBuildAgreement.Verify(WithCondition(expression), semantics: true);
        Assert.DoesNotContain(outcome.CheckDiagnostics, d => d.Contains(" error ", StringComparison.Ordinal));
    }
}
