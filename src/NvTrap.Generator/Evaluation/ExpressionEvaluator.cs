using System;
using NvTrap.Compiler.Binding;

namespace NvTrap.Compiler.Evaluation;

/// <summary>
/// Evaluates a bound expression with C-like unsigned 64-bit semantics: truth is non-zero,
/// comparisons give 0 or 1, shifts by 64 or more give 0. The single definition of the language's
/// meaning: the C# emitter produces code that must agree with it (a test checks that).
/// </summary>
internal static class ExpressionEvaluator
{
    /// <summary>Reads a register's value by index.</summary>
    public delegate ulong RegisterReader(int register);

    public static ulong Evaluate(BoundExpr expr, RegisterReader registers, ushort encoding, ulong variable)
    {
        switch (expr)
        {
            case BoundConstant constant:
                return constant.Value;
            case BoundRegisterValue register:
                return registers(register.Register);
            case BoundBits bits:
                return ExtractBits(registers(bits.Register), bits.Hi, bits.Lo);
            case BoundEncodingField field:
                return EncodingField(encoding, field.Field);
            case BoundVariable:
                return variable;
            case BoundUnary unary:
                ulong operand = Evaluate(unary.Operand, registers, encoding, variable);
                return unary.Operator switch
                {
                    "!" => operand == 0 ? 1UL : 0UL,
                    "~" => ~operand,
                    _ => unchecked(0UL - operand),
                };
            case BoundBinary binary:
                return EvaluateBinary(binary, registers, encoding, variable);
            case BoundConditional conditional:
                return Evaluate(conditional.Condition, registers, encoding, variable) != 0
                    ? Evaluate(conditional.WhenTrue, registers, encoding, variable)
                    : Evaluate(conditional.WhenFalse, registers, encoding, variable);
            case BoundCall call:
                ulong a = Evaluate(call.Arguments[0], registers, encoding, variable);
                return call.Function switch
                {
                    "popcount" => PopCount(a),
                    "min" => Math.Min(a, Evaluate(call.Arguments[1], registers, encoding, variable)),
                    _ => Math.Max(a, Evaluate(call.Arguments[1], registers, encoding, variable)),
                };
            default:
                throw new InvalidOperationException($"Unknown expression node {expr.GetType().Name}.");
        }
    }

    /// <summary>Field 0..4 (op0, op1, CRn, CRm, op2) of a packed 16-bit encoding.</summary>
    public static ulong EncodingField(ushort encoding, int field) => field switch
    {
        0 => (ulong)((encoding >> 14) & 0x3),
        1 => (ulong)((encoding >> 11) & 0x7),
        2 => (ulong)((encoding >> 7) & 0xF),
        3 => (ulong)((encoding >> 3) & 0xF),
        _ => (ulong)(encoding & 0x7),
    };

    public static ulong ExtractBits(ulong value, int hi, int lo)
    {
        int width = hi - lo + 1;
        ulong mask = width >= 64 ? ulong.MaxValue : (1UL << width) - 1;
        return (value >> lo) & mask;
    }

    private static ulong EvaluateBinary(BoundBinary binary, RegisterReader registers, ushort encoding, ulong variable)
    {
        ulong left = Evaluate(binary.Left, registers, encoding, variable);
        switch (binary.Operator)
        {
            case "&&":
                return left != 0 && Evaluate(binary.Right, registers, encoding, variable) != 0 ? 1UL : 0UL;
            case "||":
                return left != 0 || Evaluate(binary.Right, registers, encoding, variable) != 0 ? 1UL : 0UL;
        }

        ulong right = Evaluate(binary.Right, registers, encoding, variable);
        return binary.Operator switch
        {
            "|" => left | right,
            "^" => left ^ right,
            "&" => left & right,
            "==" => left == right ? 1UL : 0UL,
            "!=" => left != right ? 1UL : 0UL,
            "<" => left < right ? 1UL : 0UL,
            "<=" => left <= right ? 1UL : 0UL,
            ">" => left > right ? 1UL : 0UL,
            ">=" => left >= right ? 1UL : 0UL,
            "<<" => right >= 64 ? 0UL : left << (int)right,
            ">>" => right >= 64 ? 0UL : left >> (int)right,
            "+" => unchecked(left + right),
            "-" => unchecked(left - right),
            "*" => unchecked(left * right),
            _ => throw new InvalidOperationException($"Unknown operator '{binary.Operator}'."),
        };
    }

    private static ulong PopCount(ulong value)
    {
        ulong count = 0;
        while (value != 0)
        {
            value &= value - 1;
            count++;
        }

        return count;
    }
}
