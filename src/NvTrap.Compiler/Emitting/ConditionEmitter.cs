using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Emitting;

/// <summary>
/// Compiles a bound expression to a C# expression of type ulong with the language's semantics
/// (the operations C# does not define alike call <c>NvTrap.ExpressionOps</c>, as the evaluator
/// does). The code is laid out to be read: short expressions on one line, longer ones broken at
/// their top-level operators with one operand per line. It calls the short helpers the generated
/// <c>Rules</c> struct declares (<c>Read</c>, <c>Bits</c>, <c>Truth</c>, ...), and reads the
/// state, the VM profile and the access's encoding as <c>state</c>, <c>vm</c> and <c>encoding</c>.
/// </summary>
internal sealed class ConditionEmitter : IBoundExprVisitor<string>
{
    /// <summary>Lines longer than this are broken.</summary>
    private const int Width = 88;

    private readonly IReadOnlyList<RegisterDescription> _registers;
    private readonly IReadOnlyList<ParameterDescription> _parameters;

    private ConditionEmitter(LoweredRuleset ruleset)
    {
        _registers = ruleset.Registers;
        _parameters = ruleset.Parameters;
    }

    /// <summary>The C# for <paramref name="expr"/> as a ulong; continuation lines are indented relative to the first.</summary>
    public static string Emit(BoundExpr expr, LoweredRuleset ruleset) => expr.Accept(new ConditionEmitter(ruleset));

    /// <summary>The C# for "<paramref name="expr"/> is not 0" as a bool, written without a round trip through 0 and 1 where the expression is a comparison or a logical operation.</summary>
    public static string EmitTest(BoundExpr expr, LoweredRuleset ruleset) => new ConditionEmitter(ruleset).Test(expr);

    /// <summary>A bool C# expression that is true when <paramref name="expr"/> is not 0.</summary>
    private string Test(BoundExpr expr)
    {
        switch (expr)
        {
            case BoundBinary { Operator: var op } binary when Operators.IsComparisonOrLogical(op):
                return Infix(new[] { binary.Left.Accept(this), binary.Right.Accept(this) }, Operators.Text(op));
            case BoundChain { Operator: BinaryOperator.LogicalAnd or BinaryOperator.LogicalOr } chain:
                return Infix(chain.Operands.Select(Test).ToList(), Operators.Text(chain.Operator));
            case BoundUnary { Operator: UnaryOperator.LogicalNot } not:
                return "!" + Parenthesized(Test(not.Operand));
            default:
                string value = expr.Accept(this);
                return (value.Contains("\n") ? $"({value})" : value) + " != 0UL";
        }
    }

    public string VisitConstant(BoundConstant node) => CSharpText.Hex(node.Value);

    public string VisitRegister(BoundRegisterValue node) => Read(node.Register);

    public string VisitBits(BoundBits node) => $"Bits({Read(node.Register)}, {node.Hi}, {node.Lo})";

    // The fields are ints: widened through uint, never sign-extended, so OR-ing them into a ulong
    // is exactly the language's arithmetic (and no CS0675 warning). The exception level is a byte
    // enum, which widens without sign.
    public string VisitEncodingField(BoundEncodingField node) => node.Field switch
    {
        EncodingField.Op0 => "(ulong)(uint)encoding.Op0",
        EncodingField.Op1 => "(ulong)(uint)encoding.Op1",
        EncodingField.CRn => "(ulong)(uint)encoding.CRn",
        EncodingField.CRm => "(ulong)(uint)encoding.CRm",
        EncodingField.Op2 => "(ulong)(uint)encoding.Op2",
    };

    public string VisitVariable(BoundVariable node) =>
        throw new System.InvalidOperationException($"A condition cannot use the family index '{node.Name}'; the binder only allows it in catalogue families.");

    public string VisitExceptionLevel(BoundExceptionLevel node) => "(ulong)state.CurrentEl";

    public string VisitParameter(BoundParameterValue node) => $"vm.Parameter(Parameters.{CSharpText.Identifier(_parameters[node.Parameter].Name)})";

    // Each visit computes its operands' code once, in the one form it uses: computing a form it
    // then discards, or the same form twice, would double the work at every level of nesting.

    public string VisitUnary(BoundUnary node) => node.Operator switch
    {
        UnaryOperator.LogicalNot => Call("Truth", "!" + Parenthesized(Test(node.Operand))),
        UnaryOperator.BitwiseNot => $"(~{node.Operand.Accept(this)})",
        UnaryOperator.Negate => $"(0UL - {node.Operand.Accept(this)})",
    };

    public string VisitBinary(BoundBinary node)
    {
        string left = node.Left.Accept(this);
        string right = node.Right.Accept(this);
        return node.Operator switch
        {
            BinaryOperator.ShiftLeft => Call("Shl", left, right),
            BinaryOperator.ShiftRight => Call("Shr", left, right),
            BinaryOperator.Subtract => Infix(new[] { left, right }, "-"),
            _ when Operators.IsComparisonOrLogical(node.Operator) => Call("Truth", Infix(new[] { left, right }, Operators.Text(node.Operator), parenthesize: false)),
            _ => Infix(new[] { left, right }, Operators.Text(node.Operator)),
        };
    }

    public string VisitChain(BoundChain node) => node.Operator switch
    {
        BinaryOperator.LogicalAnd or BinaryOperator.LogicalOr =>
            Call("Truth", Infix(node.Operands.Select(Test).ToList(), Operators.Text(node.Operator), parenthesize: false)),
        _ => Infix(node.Operands.Select(o => o.Accept(this)).ToList(), Operators.Text(node.Operator)),
    };

    public string VisitConditional(BoundConditional node)
    {
        string condition = Test(node.Condition);
        string whenTrue = node.WhenTrue.Accept(this);
        string whenFalse = node.WhenFalse.Accept(this);
        string line = $"({condition} ? {whenTrue} : {whenFalse})";
        return Fits(line) ? line : $"({Indent(condition)}\n    ? {Indent(whenTrue)}\n    : {Indent(whenFalse)})";
    }

    public string VisitCall(BoundCall node)
    {
        var arguments = node.Arguments.Select(a => a.Accept(this)).ToArray();
        return node.Function switch
        {
            BuiltinFunction.PopCount => Call("PopCount", arguments),
            BuiltinFunction.Min => Call("Min", arguments),
            BuiltinFunction.Max => Call("Max", arguments),
        };
    }

    /// <summary>A sanitised register is read through the VM's reserved bits; any other as it is.</summary>
    private string Read(int register)
    {
        var description = _registers[register];
        string index = $"Registers.{CSharpText.Identifier(description.Name)}";
        return description.IsSanitised ? $"Read(ref state, ref vm, {index})" : $"state.ReadRegister({index})";
    }

    private static string Call(string function, params string[] arguments)
    {
        string line = $"{function}({string.Join(", ", arguments)})";
        return Fits(line) ? line : $"{function}(\n    {string.Join(",\n    ", arguments.Select(Indent))})";
    }

    private static string Infix(IReadOnlyList<string> operands, string op, bool parenthesize = true)
    {
        string line = string.Join($" {op} ", operands);
        if (!Fits(line))
        {
            line = string.Join($"\n    {op} ", operands.Select(Indent));
        }

        return parenthesize ? $"({line})" : line;
    }

    /// <summary>Parentheses around an operand, unless it is one token (no spaces, so no operator at its top level).</summary>
    private static string Parenthesized(string text) => text.IndexOf(' ') < 0 && text.IndexOf('\n') < 0 ? text : $"({text})";

    private static bool Fits(string text) => text.Length <= Width && text.IndexOf('\n') < 0;

    private static string Indent(string text) => text.Replace("\n", "\n    ");
}
