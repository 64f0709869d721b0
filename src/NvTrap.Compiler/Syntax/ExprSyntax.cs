using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Syntax;

// The syntax tree of a condition or family-field expression. Each node carries the span of the
// text it came from, mapped into the YAML file, so errors point at the offending token. Trees are
// at most ExpressionParser.MaxDepth deep: every walk over them may recurse.

internal abstract record ExprSyntax(SourceSpan Span);

internal sealed record LiteralExpr(ulong Value, SourceSpan Span) : ExprSyntax(Span);

/// <summary>A bare identifier: a register, an encoding field (op0…op2) or a family index.</summary>
internal sealed record NameExpr(string Name, SourceSpan Span) : ExprSyntax(Span);

/// <summary><c>REG.FIELD</c>.</summary>
internal sealed record FieldExpr(NameExpr Register, NameSyntax Field, SourceSpan Span) : ExprSyntax(Span);

/// <summary><c>REG[n]</c> (Lo is null) or <c>REG[hi:lo]</c>.</summary>
internal sealed record BitsExpr(NameExpr Register, NumberSyntax Hi, NumberSyntax? Lo, SourceSpan Span) : ExprSyntax(Span);

/// <summary>A unary operation; the span is the operator token's.</summary>
internal sealed record UnaryExpr(UnaryOperator Operator, ExprSyntax Operand, SourceSpan Span) : ExprSyntax(Span);

/// <summary>A binary operation that is not associative; the span is the operator token's.</summary>
internal sealed record BinaryExpr(BinaryOperator Operator, ExprSyntax Left, ExprSyntax Right, SourceSpan Span) : ExprSyntax(Span);

/// <summary>
/// A run of one associative operator, <c>a + b + c</c>, held as its operands (two or more) so that
/// a long run is one level deep; the span is the first operator token's.
/// </summary>
internal sealed record ChainExpr(BinaryOperator Operator, EquatableArray<ExprSyntax> Operands, SourceSpan Span) : ExprSyntax(Span);

internal sealed record ConditionalExpr(ExprSyntax Condition, ExprSyntax WhenTrue, ExprSyntax WhenFalse, SourceSpan Span) : ExprSyntax(Span);

internal sealed record CallExpr(NameSyntax Function, EquatableArray<ExprSyntax> Arguments, SourceSpan Span) : ExprSyntax(Span);
