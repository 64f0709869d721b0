using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Evaluation;

/// <summary>
/// Evaluates a bound expression with the language's semantics: unsigned 64-bit values, truth is
/// non-zero, comparisons give 0 or 1, and the operations C# does not define the same way go
/// through <see cref="ExpressionOps"/>, which generated code calls too.
/// </summary>
internal sealed class ExpressionEvaluator : IBoundExprVisitor<ulong>
{
    /// <summary>Reads a register's value by index, as the rules see it (sanitised).</summary>
    public delegate ulong RegisterReader(int register);

    private readonly EvaluationInputs _inputs;

    private ExpressionEvaluator(EvaluationInputs inputs) => _inputs = inputs;

    /// <summary>Evaluates <paramref name="expr"/> over <paramref name="inputs"/>.</summary>
    public static ulong Evaluate(BoundExpr expr, EvaluationInputs inputs) => expr.Accept(new ExpressionEvaluator(inputs));

    /// <param name="expr">The expression.</param>
    /// <param name="registers">Supplies register values.</param>
    /// <param name="encoding">The trapped access's packed encoding (for op0..op2).</param>
    /// <param name="variable">The family index (for catalogue family fields).</param>
    public static ulong Evaluate(BoundExpr expr, RegisterReader registers, ushort encoding, ulong variable) =>
        Evaluate(expr, new EvaluationInputs(registers, encoding, variable, 0, _ => 0));

    public ulong VisitConstant(BoundConstant node) => node.Value;

    public ulong VisitRegister(BoundRegisterValue node) => _inputs.Registers(node.Register);

    public ulong VisitBits(BoundBits node) => ExpressionOps.Bits(_inputs.Registers(node.Register), node.Hi, node.Lo);

    public ulong VisitEncodingField(BoundEncodingField node) => (ulong)EncodingLayout.Field(_inputs.Encoding, (int)node.Field);

    public ulong VisitVariable(BoundVariable node) => _inputs.Variable;

    public ulong VisitExceptionLevel(BoundExceptionLevel node) => _inputs.ExceptionLevel;

    public ulong VisitParameter(BoundParameterValue node) => _inputs.Parameters(node.Parameter);

    public ulong VisitUnary(BoundUnary node)
    {
        ulong operand = node.Operand.Accept(this);
        return node.Operator switch
        {
            UnaryOperator.LogicalNot => ExpressionOps.Not(operand),
            UnaryOperator.BitwiseNot => ~operand,
            UnaryOperator.Negate => unchecked(0UL - operand),
        };
    }

    public ulong VisitBinary(BoundBinary node) => Apply(node.Operator, node.Left.Accept(this), node.Right.Accept(this));

    public ulong VisitChain(BoundChain node)
    {
        ulong result = node.Operands[0].Accept(this);
        for (int i = 1; i < node.Operands.Count; i++)
        {
            result = Apply(node.Operator, result, node.Operands[i].Accept(this));
        }

        return result;
    }

    public ulong VisitConditional(BoundConditional node) =>
        node.Condition.Accept(this) != 0 ? node.WhenTrue.Accept(this) : node.WhenFalse.Accept(this);

    public ulong VisitCall(BoundCall node) => node.Function switch
    {
        BuiltinFunction.PopCount => ExpressionOps.PopCount(node.Arguments[0].Accept(this)),
        BuiltinFunction.Min => ExpressionOps.Min(node.Arguments[0].Accept(this), node.Arguments[1].Accept(this)),
        BuiltinFunction.Max => ExpressionOps.Max(node.Arguments[0].Accept(this), node.Arguments[1].Accept(this)),
    };

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

/// <summary>What an expression reads: registers (as the rules see them), the access's encoding, the family index, the exception level and the VM's parameters.</summary>
internal sealed record EvaluationInputs(ExpressionEvaluator.RegisterReader Registers, ushort Encoding, ulong Variable, ulong ExceptionLevel, System.Func<int, ulong> Parameters);
