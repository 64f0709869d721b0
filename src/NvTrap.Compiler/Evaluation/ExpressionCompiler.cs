using System;
using System.Linq;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Evaluation;

/// <summary>
/// Compiles a bound expression into delegates, one per node, each closing over its operands:
/// the language's semantics in one place, for the rule compiler's own evaluations and for the
/// interpreter, which runs them per decision without allocating. Unsigned 64-bit values, truth is
/// non-zero, comparisons give 0 or 1; the operations C# does not define the same way go through
/// <see cref="ExpressionOps"/>, which generated code calls too.
/// </summary>
internal sealed class ExpressionCompiler : IBoundExprVisitor<Func<ExpressionFrame, ulong>>
{
    private static readonly ExpressionCompiler Instance = new();

    private ExpressionCompiler()
    {
    }

    public static Func<ExpressionFrame, ulong> Compile(BoundExpr expr) => expr.Accept(Instance);

    public Func<ExpressionFrame, ulong> VisitConstant(BoundConstant node)
    {
        ulong value = node.Value;
        return _ => value;
    }

    public Func<ExpressionFrame, ulong> VisitRegister(BoundRegisterValue node)
    {
        int register = node.Register;
        return f => f.Registers[register];
    }

    public Func<ExpressionFrame, ulong> VisitBits(BoundBits node)
    {
        int register = node.Register, hi = node.Hi, lo = node.Lo;
        return f => ExpressionOps.Bits(f.Registers[register], hi, lo);
    }

    public Func<ExpressionFrame, ulong> VisitEncodingField(BoundEncodingField node)
    {
        int field = (int)node.Field;
        return f => (ulong)EncodingLayout.Field(f.Encoding, field);
    }

    public Func<ExpressionFrame, ulong> VisitVariable(BoundVariable node) => f => f.Variable;

    public Func<ExpressionFrame, ulong> VisitExceptionLevel(BoundExceptionLevel node) => f => f.ExceptionLevel;

    public Func<ExpressionFrame, ulong> VisitParameter(BoundParameterValue node)
    {
        int parameter = node.Parameter;
        return f => f.Parameters[parameter];
    }

    public Func<ExpressionFrame, ulong> VisitUnary(BoundUnary node)
    {
        var operand = node.Operand.Accept(this);
        return node.Operator switch
        {
            UnaryOperator.LogicalNot => f => ExpressionOps.Not(operand(f)),
            UnaryOperator.BitwiseNot => f => ~operand(f),
            UnaryOperator.Negate => f => unchecked(0UL - operand(f)),
        };
    }

    public Func<ExpressionFrame, ulong> VisitBinary(BoundBinary node)
    {
        var (op, left, right) = (node.Operator, node.Left.Accept(this), node.Right.Accept(this));
        return f => Apply(op, left(f), right(f));
    }

    public Func<ExpressionFrame, ulong> VisitChain(BoundChain node)
    {
        // A flat run of one operator (10,000 terms are valid), folded left to right in a loop:
        // nesting a closure per term would make running it recurse as deep as the run is long.
        var operands = node.Operands.Select(o => o.Accept(this)).ToArray();
        var op = node.Operator;
        return f =>
        {
            ulong result = operands[0](f);
            for (int i = 1; i < operands.Length; i++)
            {
                result = Apply(op, result, operands[i](f));
            }

            return result;
        };
    }

    public Func<ExpressionFrame, ulong> VisitConditional(BoundConditional node)
    {
        var condition = node.Condition.Accept(this);
        var whenTrue = node.WhenTrue.Accept(this);
        var whenFalse = node.WhenFalse.Accept(this);
        return f => condition(f) != 0 ? whenTrue(f) : whenFalse(f);
    }

    public Func<ExpressionFrame, ulong> VisitCall(BoundCall node)
    {
        var arguments = node.Arguments.Select(a => a.Accept(this)).ToArray();
        return node.Function switch
        {
            BuiltinFunction.PopCount => f => ExpressionOps.PopCount(arguments[0](f)),
            BuiltinFunction.Min => f => ExpressionOps.Min(arguments[0](f), arguments[1](f)),
            BuiltinFunction.Max => f => ExpressionOps.Max(arguments[0](f), arguments[1](f)),
        };
    }

    /// <summary>
    /// One binary operation on evaluated operands. Expressions have no side effects, so evaluating
    /// both sides of <c>&amp;&amp;</c> and <c>||</c> gives the same value as short-circuiting would.
    /// </summary>
    private static ulong Apply(BinaryOperator op, ulong left, ulong right) => unchecked(op switch
    {
        BinaryOperator.LogicalOr => ExpressionOps.Truth(left != 0 || right != 0),
        BinaryOperator.LogicalAnd => ExpressionOps.Truth(left != 0 && right != 0),
        BinaryOperator.BitwiseOr => left | right,
        BinaryOperator.BitwiseXor => left ^ right,
        BinaryOperator.BitwiseAnd => left & right,
        BinaryOperator.Equal => ExpressionOps.Truth(left == right),
        BinaryOperator.NotEqual => ExpressionOps.Truth(left != right),
        BinaryOperator.Less => ExpressionOps.Truth(left < right),
        BinaryOperator.LessOrEqual => ExpressionOps.Truth(left <= right),
        BinaryOperator.Greater => ExpressionOps.Truth(left > right),
        BinaryOperator.GreaterOrEqual => ExpressionOps.Truth(left >= right),
        BinaryOperator.ShiftLeft => ExpressionOps.Shl(left, right),
        BinaryOperator.ShiftRight => ExpressionOps.Shr(left, right),
        BinaryOperator.Add => left + right,
        BinaryOperator.Subtract => left - right,
        BinaryOperator.Multiply => left * right,
    });
}
