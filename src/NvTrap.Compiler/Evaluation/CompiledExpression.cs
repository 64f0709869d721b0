using System;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Evaluation;

/// <summary>
/// A bound expression compiled once into a tree of delegates (<see cref="ExpressionCompiler"/>),
/// with the registers and parameters it reads, so a caller fills only those into an
/// <see cref="ExpressionFrame"/> before <see cref="Run"/>.
/// </summary>
internal sealed class CompiledExpression
{
    private readonly Func<ExpressionFrame, ulong> _run;

    public CompiledExpression(BoundExpr expression)
    {
        _run = ExpressionCompiler.Compile(expression);
        RegistersRead = BoundExprAnalysis.RegistersRead(expression);
        ParametersRead = BoundExprAnalysis.ParametersRead(expression);
    }

    /// <summary>The register indices the expression reads.</summary>
    public int[] RegistersRead { get; }

    /// <summary>The parameter indices the expression reads.</summary>
    public int[] ParametersRead { get; }

    /// <summary>The expression's value over the frame's inputs. Allocates nothing.</summary>
    public ulong Run(ExpressionFrame frame) => _run(frame);
}
