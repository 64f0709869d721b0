using System.Globalization;
using System.Linq;
using NvTrap.Compiler.Binding;

namespace NvTrap.Compiler.Emitting;

/// <summary>
/// Compiles a bound condition expression to a C# expression of type ulong with the language's
/// semantics (see <c>ExpressionEvaluator</c>, which a test holds it to).
/// </summary>
internal static class ConditionEmitter
{
    public static string Emit(BoundExpr expr) => expr switch
    {
        BoundConstant c => Literal(c.Value),
        BoundRegisterValue r => $"state.ReadRegister({r.Register})",
        BoundBits b => $"global::NvTrap.ExpressionOps.Bits(state.ReadRegister({b.Register}), {b.Hi}, {b.Lo})",
        BoundEncodingField f => f.Field switch
        {
            0 => "(ulong)encoding.Op0",
            1 => "(ulong)encoding.Op1",
            2 => "(ulong)encoding.CRn",
            3 => "(ulong)encoding.CRm",
            _ => "(ulong)encoding.Op2",
        },
        BoundUnary u => u.Operator switch
        {
            "!" => $"global::NvTrap.ExpressionOps.Truth({Emit(u.Operand)} == 0UL)",
            "~" => $"(~{Emit(u.Operand)})",
            _ => $"(0UL - {Emit(u.Operand)})",
        },
        BoundBinary b => Binary(b),
        BoundConditional c => $"({Emit(c.Condition)} != 0UL ? {Emit(c.WhenTrue)} : {Emit(c.WhenFalse)})",
        BoundCall call => call.Function switch
        {
            "popcount" => $"global::NvTrap.ExpressionOps.PopCount({Emit(call.Arguments[0])})",
            "min" => $"global::System.Math.Min({Emit(call.Arguments[0])}, {Emit(call.Arguments[1])})",
            _ => $"global::System.Math.Max({Emit(call.Arguments[0])}, {Emit(call.Arguments[1])})",
        },
        _ => throw new System.InvalidOperationException($"Cannot emit {expr.GetType().Name}."),
    };

    private static string Binary(BoundBinary b)
    {
        string l = Emit(b.Left);
        string r = Emit(b.Right);
        return b.Operator switch
        {
            "&&" => $"global::NvTrap.ExpressionOps.Truth({l} != 0UL && {r} != 0UL)",
            "||" => $"global::NvTrap.ExpressionOps.Truth({l} != 0UL || {r} != 0UL)",
            "==" or "!=" or "<" or "<=" or ">" or ">=" => $"global::NvTrap.ExpressionOps.Truth({l} {b.Operator} {r})",
            "<<" => $"global::NvTrap.ExpressionOps.Shl({l}, {r})",
            ">>" => $"global::NvTrap.ExpressionOps.Shr({l}, {r})",
            _ => $"({l} {b.Operator} {r})",
        };
    }

    internal static string Literal(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "UL";

    internal static string StringLiteral(string value) =>
        "\"" + string.Concat(value.Select(c => c switch
        {
            '\\' => "\\\\",
            '"' => "\\\"",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ when c < ' ' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            _ => c.ToString(),
        })) + "\"";
}
