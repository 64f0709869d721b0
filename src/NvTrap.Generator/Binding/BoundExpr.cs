using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

// A condition or family-field expression with every name resolved. Equatable records, so
// lowered rulesets that carry them stay cacheable.

internal abstract record BoundExpr;

internal sealed record BoundConstant(ulong Value) : BoundExpr;

/// <summary>A whole register's value.</summary>
internal sealed record BoundRegisterValue(int Register, string RegisterName) : BoundExpr;

/// <summary>Bits Hi..Lo of a register, shifted down (a field, a bit or a bit range).</summary>
internal sealed record BoundBits(int Register, string RegisterName, int Hi, int Lo, string Text) : BoundExpr;

/// <summary>A field of the trapped access's encoding: 0 op0, 1 op1, 2 CRn, 3 CRm, 4 op2.</summary>
internal sealed record BoundEncodingField(int Field) : BoundExpr;

/// <summary>The index variable of a catalogue family.</summary>
internal sealed record BoundVariable(string Name) : BoundExpr;

internal sealed record BoundUnary(string Operator, BoundExpr Operand) : BoundExpr;

internal sealed record BoundBinary(string Operator, BoundExpr Left, BoundExpr Right) : BoundExpr;

internal sealed record BoundConditional(BoundExpr Condition, BoundExpr WhenTrue, BoundExpr WhenFalse) : BoundExpr;

internal sealed record BoundCall(string Function, EquatableArray<BoundExpr> Arguments) : BoundExpr;
