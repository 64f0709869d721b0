using System;
using System.Collections.Generic;
using System.Globalization;
using NvTrap.Kernel.Diagnostics;

namespace NvTrap.Kernel.Preprocessing;

/// <summary>An integer value as C's constant expressions compute it: 64 bits and a signedness (LP64: long is 64 bits).</summary>
internal readonly record struct CValue(ulong Bits, bool Unsigned)
{
    public bool IsTrue => Bits != 0;

    public static CValue Int(long value) => new((ulong)value, false);
}

/// <summary>What kind of failure stopped a constant expression, which decides its diagnostic.</summary>
internal enum ExpressionFailure
{
    /// <summary>Not an integer constant expression (NVTK021).</summary>
    Malformed,

    /// <summary>An identifier had no value (NVTK020).</summary>
    Unresolved,

    /// <summary>Nested deeper than <see cref="KernelLimits.MaxNesting"/> (NVTK016).</summary>
    TooDeep,
}

/// <summary>Why a constant expression could not be evaluated, and at which token.</summary>
internal sealed class ConstantExpressionError
{
    public ConstantExpressionError(Token at, string message, ExpressionFailure kind)
    {
        At = at;
        Message = message;
        Kind = kind;
    }

    public Token At { get; }

    public string Message { get; }

    public ExpressionFailure Kind { get; }

    /// <summary>The diagnostic this failure is reported as.</summary>
    public KernelDiagnosticId Id => Kind switch
    {
        ExpressionFailure.Unresolved => KernelDiagnosticId.UnresolvedSymbol,
        ExpressionFailure.TooDeep => KernelDiagnosticId.NestingTooDeep,
        _ => KernelDiagnosticId.BadExpression,
    };
}

/// <summary>
/// Evaluates a C integer constant expression over macro-expanded tokens: literals with
/// suffixes, casts to integer types, unary and binary operators with C's precedence, and ?:.
/// Identifiers are resolved by the caller (enum constants, or 0 in #if). Integers are computed
/// in 64 bits; int-width overflow is not modelled (the kernel's masks are written in long or
/// unsigned long). The parser recurses once a nesting level (a parenthesis, a unary operator, a
/// <c>?:</c> branch), so nesting is limited to <see cref="KernelLimits.MaxNesting"/> levels.
/// </summary>
internal sealed class ConstantExpression
{
    private static readonly HashSet<string> TypeWords = new(StringComparer.Ordinal)
    {
        "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "__u64", "__u32", "unsigned", "signed", "long", "int",
        "short", "char", "const", "enum", "uint64_t", "uint32_t", "int64_t", "int32_t", "size_t", "bool", "_Bool",
    };

    private readonly IReadOnlyList<Token> _tokens;
    private readonly Func<Token, CValue?> _resolve;
    private int _position;
    private int _depth;

    private ConstantExpression(IReadOnlyList<Token> tokens, Func<Token, CValue?> resolve)
    {
        _tokens = tokens;
        _resolve = resolve;
    }

    /// <summary>Evaluates the whole token list; on failure returns null and the error.</summary>
    public static CValue? Evaluate(IReadOnlyList<Token> tokens, Func<Token, CValue?> resolve, out ConstantExpressionError? error)
    {
        var parser = new ConstantExpression(tokens, resolve);
        try
        {
            if (tokens.Count == 0)
            {
                throw new EvaluationFailure(null, "empty expression", ExpressionFailure.Malformed);
            }

            var value = parser.Conditional();
            if (parser._position < tokens.Count)
            {
                throw new EvaluationFailure(tokens[parser._position], $"unexpected '{tokens[parser._position].Text}'", ExpressionFailure.Malformed);
            }

            error = null;
            return value;
        }
        catch (EvaluationFailure failure)
        {
            var at = failure.At ?? (tokens.Count > 0 ? tokens[Math.Min(parser._position, tokens.Count - 1)] : null);
            error = at is null ? null : new ConstantExpressionError(at, failure.Message, failure.Kind);
            return null;
        }
    }

    /// <summary>The value of one integer literal (decimal, 0x, 0b, octal; suffixes u, l, ul, ull), or null.</summary>
    public static CValue? ParseNumber(string text)
    {
        string digits = text.TrimEnd('u', 'U', 'l', 'L');
        bool unsigned = text.Substring(digits.Length).IndexOfAny(new[] { 'u', 'U' }) >= 0;
        ulong value;
        bool ok;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = ulong.TryParse(digits.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (digits.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            ok = TryParseDigits(digits.Substring(2), 1, out value);
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            ok = TryParseDigits(digits.Substring(1), 3, out value);
        }
        else
        {
            ok = ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        // A decimal literal too big for long is unsigned long in C, as is any hex literal above long's range.
        return ok ? new CValue(value, unsigned || value > long.MaxValue) : null;
    }

    /// <summary>
    /// Binary (1 bit a digit) or octal (3) digits; false for any other digit or a value beyond 64
    /// bits, which C rejects rather than truncate.
    /// </summary>
    private static bool TryParseDigits(string digits, int bitsPerDigit, out ulong value)
    {
        value = 0;
        if (digits.Length == 0)
        {
            return false;
        }

        int limit = (1 << bitsPerDigit) - 1;
        foreach (char c in digits)
        {
            int digit = c - '0';
            if (digit < 0 || digit > limit || (value >> (64 - bitsPerDigit)) != 0)
            {
                return false;
            }

            value = (value << bitsPerDigit) | (uint)digit;
        }

        return true;
    }

        private Token? Peek(int ahead = 0) => _position + ahead < _tokens.Count ? _tokens[_position + ahead] : null;

    private bool Accept(string punctuator)
    {
        if (Peek() is { } token && token.Is(punctuator))
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string punctuator)
    {
        if (!Accept(punctuator))
        {
            throw new EvaluationFailure(Peek(), Peek() is null ? $"expected '{punctuator}' before the end" : $"expected '{punctuator}', found '{Peek()!.Text}'", ExpressionFailure.Malformed);
        }
    }

    private CValue Conditional()
    {
        var condition = Binary(0);
        if (!Accept("?"))
        {
            return condition;
        }

        var question = _tokens[_position - 1];
        Enter(question);
        var whenTrue = Conditional();
        Expect(":");
        var whenFalse = Conditional();
        _depth--;
        var chosen = condition.IsTrue ? whenTrue : whenFalse;
        return chosen with { Unsigned = whenTrue.Unsigned || whenFalse.Unsigned };
    }

    private static int Precedence(string op) => op switch
    {
        "||" => 1,
        "&&" => 2,
        "|" => 3,
        "^" => 4,
        "&" => 5,
        "==" or "!=" => 6,
        "<" or "<=" or ">" or ">=" => 7,
        "<<" or ">>" => 8,
        "+" or "-" => 9,
        "*" or "/" or "%" => 10,
        _ => -1,
    };

    private CValue Binary(int minimum)
    {
        var left = Unary();
        while (Peek() is { Kind: TokenKind.Punctuator } op && Precedence(op.Text) > minimum)
        {
            _position++;
            var right = Binary(Precedence(op.Text));
            left = Apply(op, left, right);
        }

        return left;
    }

    private static CValue Apply(Token op, CValue a, CValue b)
    {
        bool unsigned = a.Unsigned || b.Unsigned;
        CValue Arith(ulong bits) => new(bits, unsigned);
        CValue Bool(bool value) => CValue.Int(value ? 1 : 0);
        switch (op.Text)
        {
            case "||": return Bool(a.IsTrue || b.IsTrue);
            case "&&": return Bool(a.IsTrue && b.IsTrue);
            case "|": return Arith(a.Bits | b.Bits);
            case "^": return Arith(a.Bits ^ b.Bits);
            case "&": return Arith(a.Bits & b.Bits);
            case "==": return Bool(a.Bits == b.Bits);
            case "!=": return Bool(a.Bits != b.Bits);
            case "<": return Bool(unsigned ? a.Bits < b.Bits : (long)a.Bits < (long)b.Bits);
            case "<=": return Bool(unsigned ? a.Bits <= b.Bits : (long)a.Bits <= (long)b.Bits);
            case ">": return Bool(unsigned ? a.Bits > b.Bits : (long)a.Bits > (long)b.Bits);
            case ">=": return Bool(unsigned ? a.Bits >= b.Bits : (long)a.Bits >= (long)b.Bits);
            case "<<": return new CValue(b.Bits >= 64 ? 0 : a.Bits << (int)b.Bits, a.Unsigned);
            case ">>": return new CValue(b.Bits >= 64 ? 0 : a.Unsigned ? a.Bits >> (int)b.Bits : (ulong)((long)a.Bits >> (int)b.Bits), a.Unsigned);
            case "+": return Arith(a.Bits + b.Bits);
            case "-": return Arith(a.Bits - b.Bits);
            case "*": return Arith(a.Bits * b.Bits);
            case "/":
            case "%":
                if (b.Bits == 0)
                {
                    throw new EvaluationFailure(op, "division by zero", ExpressionFailure.Malformed);
                }

                if (unsigned)
                {
                    return Arith(op.Text == "/" ? a.Bits / b.Bits : a.Bits % b.Bits);
                }

                return Arith(op.Text == "/" ? (ulong)((long)a.Bits / (long)b.Bits) : (ulong)((long)a.Bits % (long)b.Bits));
            default:
                throw new EvaluationFailure(op, $"'{op.Text}' is not an operator of constant expressions", ExpressionFailure.Malformed);
        }
    }

    /// <summary>One nesting level deeper; beyond <see cref="KernelLimits.MaxNesting"/> the expression fails.</summary>
    private void Enter(Token at)
    {
        if (++_depth > KernelLimits.MaxNesting)
        {
            throw new EvaluationFailure(at, $"it nests deeper than {KernelLimits.MaxNesting} levels (each parenthesis, unary operator and ?: is a level)", ExpressionFailure.TooDeep);
        }
    }

    private CValue Unary()
    {
        var token = Peek() ?? throw new EvaluationFailure(null, "expression ends too early", ExpressionFailure.Malformed);
        if (token.Kind != TokenKind.Punctuator || token.Text is not ("-" or "+" or "~" or "!" or "("))
        {
            return Primary();
        }

        Enter(token);
        var value = Prefixed(token);
        _depth--;
        return value;
    }

    /// <summary>A unary operator applied to its operand, a cast, or a parenthesized expression.</summary>
    private CValue Prefixed(Token token)
    {
        if (token.Is("(") && IsCast())
        {
            return Cast();
        }

        _position++;
        switch (token.Text)
        {
            case "-":
                var negated = Unary();
                return negated with { Bits = 0 - negated.Bits };
            case "~":
                var inverted = Unary();
                return inverted with { Bits = ~inverted.Bits };
            case "!":
                return CValue.Int(Unary().IsTrue ? 0 : 1);
            case "(":
                var inner = Conditional();
                Expect(")");
                return inner;
            default:
                return Unary();
        }
    }

    private bool IsCast()
    {
        int k = _position + 1;
        bool any = false;
        while (k < _tokens.Count && _tokens[k].Kind == TokenKind.Identifier && (TypeWords.Contains(_tokens[k].Text) || (k > 0 && _tokens[k - 1].IsIdentifier("enum"))))
        {
            any = true;
            k++;
        }

        return any && k < _tokens.Count && _tokens[k].Is(")");
    }

    private CValue Cast()
    {
        _position++;
        var words = new List<string>();
        while (!Peek()!.Is(")"))
        {
            words.Add(Peek()!.Text);
            _position++;
        }

        _position++;
        var value = Unary();
        string type = string.Join(" ", words);
        bool unsigned = type.Contains("unsigned") || type.StartsWith("u", StringComparison.Ordinal) || type.StartsWith("__u", StringComparison.Ordinal) || type == "size_t";
        ulong bits = value.Bits;
        if (type.Contains("u32") || type.Contains("int32_t") || type == "unsigned int" || type == "int" || type == "unsigned")
        {
            bits &= 0xFFFF_FFFF;
        }
        else if (type.Contains("16"))
        {
            bits &= 0xFFFF;
        }
        else if (type.Contains("8") || type.EndsWith("char", StringComparison.Ordinal))
        {
            bits &= 0xFF;
        }
        else if (type is "bool" or "_Bool")
        {
            bits = bits != 0 ? 1UL : 0UL;
        }

        return new CValue(bits, unsigned);
    }

    private CValue Primary()
    {
        var token = Peek()!;
        _position++;
        switch (token.Kind)
        {
            case TokenKind.Number:
                return ParseNumber(token.Text) ?? throw new EvaluationFailure(token, $"'{token.Text}' is not an integer literal", ExpressionFailure.Malformed);
            case TokenKind.Character:
                string body = token.Text.Trim('\'');
                if (body.Length == 1)
                {
                    return CValue.Int(body[0]);
                }

                throw new EvaluationFailure(token, $"character literal {token.Text} is not supported", ExpressionFailure.Malformed);
            case TokenKind.Identifier:
                if (token.Text is "true" or "false")
                {
                    return CValue.Int(token.Text == "true" ? 1 : 0);
                }

                if (Peek() is { } next && next.Is("("))
                {
                    throw new EvaluationFailure(token, $"'{token.Text}' is called like a function but is no macro the import knows", ExpressionFailure.Unresolved);
                }

                return _resolve(token) ?? throw new EvaluationFailure(token, $"'{token.Text}' has no value: it is not defined by the kernel files read", ExpressionFailure.Unresolved);
            default:
                throw new EvaluationFailure(token, $"unexpected '{token.Text}'", ExpressionFailure.Malformed);
        }
    }

    private sealed class EvaluationFailure : Exception
    {
        public EvaluationFailure(Token? at, string message, ExpressionFailure kind)
            : base(message)
        {
            At = at;
            Kind = kind;
        }

        public Token? At { get; }

        public ExpressionFailure Kind { get; }
    }
}
