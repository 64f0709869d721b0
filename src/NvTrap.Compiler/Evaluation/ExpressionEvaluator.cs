using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Evaluation;

/// <summary>
/// Evaluates a bound expression once, for the rule compiler's own uses (catalogue families) and
/// tests: compiles it (<see cref="ExpressionCompiler"/>, the language's one implementation) and
/// runs it over the inputs. Code that evaluates the same expression many times keeps the
/// <see cref="CompiledExpression"/> instead.
/// </summary>
internal static class ExpressionEvaluator
{
    /// <summary>Reads a register's value by index, as the rules see it (sanitised).</summary>
    public delegate ulong RegisterReader(int register);

    /// <summary>Evaluates <paramref name="expr"/> over <paramref name="inputs"/>.</summary>
    public static ulong Evaluate(BoundExpr expr, EvaluationInputs inputs)
    {
        var compiled = new CompiledExpression(expr);
        var frame = new ExpressionFrame { Encoding = inputs.Encoding, Variable = inputs.Variable, ExceptionLevel = inputs.ExceptionLevel };
        foreach (int register in compiled.RegistersRead)
        {
            frame.Registers[register] = inputs.Registers(register);
        }

        foreach (int parameter in compiled.ParametersRead)
        {
            frame.Parameters[parameter] = inputs.Parameters(parameter);
        }

        return compiled.Run(frame);
    }

    /// <param name="expr">The expression.</param>
    /// <param name="registers">Supplies register values.</param>
    /// <param name="encoding">The trapped access's packed encoding (for op0..op2).</param>
    /// <param name="variable">The family index (for catalogue family fields).</param>
    public static ulong Evaluate(BoundExpr expr, RegisterReader registers, ushort encoding, ulong variable) =>
        Evaluate(expr, new EvaluationInputs(registers, encoding, variable, 0, _ => 0));
}

/// <summary>What an expression reads: registers (as the rules see them), the access's encoding, the family index, the exception level and the VM's parameters.</summary>
internal sealed record EvaluationInputs(ExpressionEvaluator.RegisterReader Registers, ushort Encoding, ulong Variable, ulong ExceptionLevel, System.Func<int, ulong> Parameters);
