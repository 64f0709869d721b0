using NvTrap.Compiler.Evaluation;
using NvTrap.Compiler.Semantics;
using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Evaluation;

/// <summary>The compiled expressions the interpreter runs: the language's values, and no recursion that grows with a flat run.</summary>
public class ExpressionEvaluationTests
{
    private static BoundExpr Condition(string expression)
    {
        string yaml = $"ruleset: t\nregisters:\n  R: {{ fields: {{ A: 0, W: [7, 4] }} }}\nparameters:\n  N: {{ default: 3, range: 0..7 }}\nconditions:\n  K: {{ forward: any, when: \"{expression}\" }}\ntraps:\n  - {{ group: K, sysreg: S3_0_C1_C0_0 }}\n";
        var compilation = Rules.Compile(("t.nvtrap.yaml", yaml));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var condition = compilation.Bound.Single().Groups.OfType<BoundCondition>().Single();
        return ((ExpressionLogic)condition.Logic!).Expression;
    }

    [Theory]
    [InlineData("R.W == 5 && crm != 0", 0x50UL, 1UL)]
    [InlineData("R[63:60] * 3 + op2 - 1", 0xF000000000000000UL, 49UL)]
    [InlineData("~0 >> 64", 0UL, 0UL)]
    [InlineData("(crm & 3) << 3 | op2", 0UL, 21UL)]
    [InlineData("N == 3 && el == 1", 0UL, 1UL)]
    [InlineData("popcount(R) + min(R, 2) + max(op1, 5)", 0x7UL, 10UL)]
    public void A_compiled_expression_gives_the_languages_value(string expression, ulong r, ulong expected)
    {
        var compiled = new CompiledExpression(Condition(expression));
        var frame = new ExpressionFrame { Encoding = SysRegEncoding.Parse("S3_0_C1_C2_5").Value, ExceptionLevel = 1 };
        frame.Registers[0] = r;
        frame.Parameters[0] = 3;
        Assert.Equal(expected, compiled.Run(frame));
    }

    [Fact]
    public void A_flat_run_of_ten_thousand_terms_runs_in_a_loop_not_a_recursion()
    {
        // 10,000 closures nested one per term would recurse 10,000 deep; the chain is one loop.
        var compiled = new CompiledExpression(Condition(string.Join("+", Enumerable.Repeat("1", 10_000))));
        ulong value = 0;
        var thread = new Thread(() => value = compiled.Run(new ExpressionFrame()), maxStackSize: 128 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(10_000UL, value);
    }

    [Fact]
    public void Running_a_compiled_expression_allocates_nothing()
    {
        var compiled = new CompiledExpression(Condition("R.W == 5 && crm != 0 || N > op2 ? popcount(R) : R[3:0]"));
        var frame = new ExpressionFrame();
        ulong sum = 0;
        for (int i = 0; i < 10_000; i++)
        {
            frame.Registers[0] = (ulong)i;
            sum += compiled.Run(frame);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            frame.Registers[0] = (ulong)i;
            sum += compiled.Run(frame);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }
}
