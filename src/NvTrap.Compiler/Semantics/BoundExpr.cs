using NvTrap.Compiler.Common;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Semantics;

// An expression with every name resolved: what the evaluator runs and the emitter compiles.
// Equatable records, so compiled rulesets that carry them stay cacheable. Every walk goes through
// IBoundExprVisitor, so a new kind of node cannot be added without every walk handling it.

internal abstract record BoundExpr
{
    public abstract T Accept<T>(IBoundExprVisitor<T> visitor);
}

/// <summary>A walk over a bound expression; one method per kind of node.</summary>
internal interface IBoundExprVisitor<out T>
{
    T VisitConstant(BoundConstant node);

    T VisitRegister(BoundRegisterValue node);

    T VisitBits(BoundBits node);

    T VisitEncodingField(BoundEncodingField node);

    T VisitVariable(BoundVariable node);

    T VisitExceptionLevel(BoundExceptionLevel node);

    T VisitParameter(BoundParameterValue node);

    T VisitUnary(BoundUnary node);

    T VisitBinary(BoundBinary node);

    T VisitChain(BoundChain node);

    T VisitConditional(BoundConditional node);

    T VisitCall(BoundCall node);
}

internal sealed record BoundConstant(ulong Value) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitConstant(this);
}

/// <summary>A whole register's value.</summary>
internal sealed record BoundRegisterValue(int Register, string RegisterName) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitRegister(this);
}

/// <summary>Bits Hi..Lo of a register, shifted down (a field, a bit or a bit range); <see cref="Text"/> is how the rules wrote it.</summary>
internal sealed record BoundBits(int Register, string RegisterName, int Hi, int Lo, string Text) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitBits(this);
}

/// <summary>A field of the trapped access's encoding.</summary>
internal sealed record BoundEncodingField(EncodingField Field) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitEncodingField(this);
}

/// <summary>The index variable of a catalogue family.</summary>
internal sealed record BoundVariable(string Name) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitVariable(this);
}

/// <summary><c>el</c>: the exception level the access comes from (0, 1 or 2).</summary>
internal sealed record BoundExceptionLevel : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitExceptionLevel(this);
}

/// <summary>A named VM parameter's value, from the VM profile.</summary>
internal sealed record BoundParameterValue(int Parameter, string Name) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitParameter(this);
}

internal sealed record BoundUnary(UnaryOperator Operator, BoundExpr Operand) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitUnary(this);
}

/// <summary>A non-associative binary operation.</summary>
internal sealed record BoundBinary(BinaryOperator Operator, BoundExpr Left, BoundExpr Right) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitBinary(this);
}

/// <summary>A run of one associative operator over two or more operands.</summary>
internal sealed record BoundChain(BinaryOperator Operator, EquatableArray<BoundExpr> Operands) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitChain(this);
}

internal sealed record BoundConditional(BoundExpr Condition, BoundExpr WhenTrue, BoundExpr WhenFalse) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitConditional(this);
}

internal sealed record BoundCall(BuiltinFunction Function, EquatableArray<BoundExpr> Arguments) : BoundExpr
{
    public override T Accept<T>(IBoundExprVisitor<T> visitor) => visitor.VisitCall(this);
}

/// <summary>The fields of an encoding an expression may read, in packing order.</summary>
internal enum EncodingField
{
    Op0,
    Op1,
    CRn,
    CRm,
    Op2,
}

/// <summary>The functions of the expression language.</summary>
internal enum BuiltinFunction
{
    /// <summary><c>popcount(x)</c>: the number of set bits.</summary>
    PopCount,

    /// <summary><c>min(a, b)</c>.</summary>
    Min,

    /// <summary><c>max(a, b)</c>.</summary>
    Max,
}

/// <summary>How expressions name the encoding fields and functions.</summary>
internal static class ExpressionNames
{
    /// <summary>The name an expression uses for an encoding field.</summary>
    public static string Of(EncodingField field) => field switch
    {
        EncodingField.Op0 => "op0",
        EncodingField.Op1 => "op1",
        EncodingField.CRn => "crn",
        EncodingField.CRm => "crm",
        EncodingField.Op2 => "op2",
    };

    public static string Of(BuiltinFunction function) => function switch
    {
        BuiltinFunction.PopCount => "popcount",
        BuiltinFunction.Min => "min",
        BuiltinFunction.Max => "max",
    };

    public static int Arity(BuiltinFunction function) => function switch
    {
        BuiltinFunction.PopCount => 1,
        BuiltinFunction.Min => 2,
        BuiltinFunction.Max => 2,
    };

    public static readonly EncodingField[] EncodingFields = (EncodingField[])System.Enum.GetValues(typeof(EncodingField));

    public static readonly BuiltinFunction[] Functions = (BuiltinFunction[])System.Enum.GetValues(typeof(BuiltinFunction));
}
