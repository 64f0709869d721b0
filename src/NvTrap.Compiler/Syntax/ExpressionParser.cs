using System.Collections.Generic;
using System.Globalization;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// Parses the small expression language of conditions and catalogue families: integers,
/// names, <c>REG.FIELD</c>, <c>REG[n]</c>, <c>REG[hi:lo]</c>, calls, unary and binary operators
/// with C's precedence, and <c>?:</c>. Reports the first error at its token and returns null.
/// </summary>
/// <remarks>
/// Every later phase walks a tree recursively, so the parser guarantees a bounded depth: a run of
/// one associative operator (<c>a || b || ...</c>) becomes one <see cref="ChainExpr"/> however
/// long it is, and any tree deeper than <see cref="MaxDepth"/> levels is an error at the token
/// where it got too deep. The parser itself recurses only into parentheses, unary operators and
/// <c>?:</c>, and counts those levels too.
/// </remarks>
internal sealed class ExpressionParser
{
    /// <summary>The deepest tree an expression may give (documented with NVT060).</summary>
    public const int MaxDepth = 64;

    private readonly List<Token> _tokens;
    private readonly Func<int, int, SourceSpan> _locate;
    private int _position;
    private int _depth;
    private RuleDiagnostic? _error;

    private ExpressionParser(List<Token> tokens, Func<int, int, SourceSpan> locate)
    {
        _tokens = tokens;
        _locate = locate;
    }

    /// <param name="text">The expression.</param>
    /// <param name="locate">Where characters (offset, length) of the text are written in the file (<see cref="YamlScalar.Locate"/>).</param>
    /// <param name="diagnostics">Receives the first syntax error, if any.</param>
    public static ExprSyntax? Parse(string text, Func<int, int, SourceSpan> locate, List<RuleDiagnostic> diagnostics)
    {
        var tokens = Tokenize(text, out int errorAt, out int errorLength, out string? errorText);
        if (errorText is not null)
        {
            diagnostics.Add(Descriptors.ExpressionSyntax.Create(locate(errorAt, errorLength), errorText));
            return null;
        }

        var parser = new ExpressionParser(tokens, locate);
        var tree = parser.ParseConditional();
        if (parser._error is null && parser.Peek().Kind != TokenKind.End)
        {
            parser.Error(parser.Peek(), $"Expression '{DiagnosticText.Quote(text)}' has '{DiagnosticText.Quote(parser.Peek().Text)}' where it should end; check the operators and parentheses.");
        }

        if (parser._error is not null)
        {
            diagnostics.Add(parser._error);
            return null;
        }

        return tree;
    }

    private ExprSyntax? ParseConditional()
    {
        if (!Enter())
        {
            return null;
        }

        var condition = ParseBinary(0);
        if (condition is not null && Peek().Text == "?")
        {
            var question = Next();
            var whenTrue = ParseConditional();
            if (whenTrue is null)
            {
                return Leave(null);
            }

            if (!Expect(":", "to separate the two results of '?:'"))
            {
                return Leave(null);
            }

            var whenFalse = ParseConditional();
            if (whenFalse is null)
            {
                return Leave(null);
            }

            var conditional = new ConditionalExpr(condition, whenTrue, whenFalse, SpanOf(question));
            if (Depth(conditional) > MaxDepth)
            {
                Error(question, $"Expression nests deeper than {MaxDepth} levels here; split it into simpler conditions.");
                return Leave(null);
            }

            return Leave(conditional);
        }

        return Leave(condition);
    }

    private ExprSyntax? ParseBinary(int level)
    {
        if (level == Operators.Levels)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        if (left is null)
        {
            return null;
        }

        // A run of one associative operator is gathered into a list and becomes one ChainExpr;
        // the depth of what has been built so far is tracked as it grows, never recomputed.
        int depth = Depth(left);
        List<ExprSyntax>? run = null;
        BinaryOperator runOperator = default;
        SourceSpan? runSpan = null;
        while (Peek().Kind == TokenKind.Operator && Operators.TryParseBinary(Peek().Text, out var op) && Operators.Level(op) == level)
        {
            var token = Next();
            var right = ParseBinary(level + 1);
            if (right is null)
            {
                return null;
            }

            int rightDepth = Depth(right);
            if (run is not null && runOperator == op)
            {
                run.Add(right);
                depth = Math.Max(depth, rightDepth + 1);
            }
            else
            {
                left = Close(left, run, runOperator, runSpan);
                if (Operators.IsAssociative(op))
                {
                    run = new List<ExprSyntax> { left, right };
                    runOperator = op;
                    runSpan = SpanOf(token);
                }
                else
                {
                    run = null;
                    left = new BinaryExpr(op, left, right, SpanOf(token));
                }

                depth = 1 + Math.Max(depth, rightDepth);
            }

            if (depth > MaxDepth)
            {
                Error(token, $"Expression nests deeper than {MaxDepth} levels here; split it, or add parentheses to group a long run of '{Operators.Text(op)}'.");
                return null;
            }
        }

        return Close(left, run, runOperator, runSpan);
    }

    /// <summary>The tree so far: the open run of an associative operator as one chain, if there is one.</summary>
    private static ExprSyntax Close(ExprSyntax left, List<ExprSyntax>? run, BinaryOperator op, SourceSpan? span) =>
        run is null ? left : new ChainExpr(op, run.ToEquatableArray(), span!);

    /// <summary>The depth of a tree built here: its children's depths are already within the limit, so this never recurses far.</summary>
    private static int Depth(ExprSyntax expr) => expr switch
    {
        UnaryExpr u => 1 + Depth(u.Operand),
        BinaryExpr b => 1 + Math.Max(Depth(b.Left), Depth(b.Right)),
        ChainExpr c => 1 + MaxDepthOf(c.Operands),
        ConditionalExpr c => 1 + Math.Max(Depth(c.Condition), Math.Max(Depth(c.WhenTrue), Depth(c.WhenFalse))),
        CallExpr c => 1 + MaxDepthOf(c.Arguments),
        FieldExpr or BitsExpr => 2,
        _ => 1,
    };

    private static int MaxDepthOf(EquatableArray<ExprSyntax> items)
    {
        int max = 0;
        foreach (var item in items)
        {
            max = Math.Max(max, Depth(item));
        }

        return max;
    }

    private ExprSyntax? ParseUnary()
    {
        var token = Peek();
        if (token.Kind == TokenKind.Operator && Operators.TryParseUnary(token.Text, out var op))
        {
            if (!Enter())
            {
                return null;
            }

            Next();
            var operand = ParseUnary();
            if (operand is not null && Depth(operand) >= MaxDepth)
            {
                Error(token, $"Expression nests deeper than {MaxDepth} levels here; simplify it.");
                return Leave(null);
            }

            return Leave(operand is null ? null : new UnaryExpr(op, operand, SpanOf(token)));
        }

        return ParsePrimary();
    }

    private ExprSyntax? ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralExpr(token.Number, SpanOf(token));
            case TokenKind.Identifier:
                return ParseNameTail(token);
            case TokenKind.Operator when token.Text == "(":
                var inner = ParseConditional();
                return inner is not null && Expect(")", "to close '('") ? inner : null;
            case TokenKind.End:
                Error(token, "Expression ends too early; an operand is missing.");
                return null;
            default:
                Error(token, $"Expected a name, a number or '(' but found '{DiagnosticText.Quote(token.Text)}'.");
                return null;
        }
    }

    private ExprSyntax? ParseNameTail(Token name)
    {
        if (name.Text == "true" || name.Text == "false")
        {
            return new LiteralExpr(name.Text == "true" ? 1UL : 0UL, SpanOf(name));
        }

        var nameExpr = new NameExpr(name.Text, SpanOf(name));
        var next = Peek();
        if (next.Text == "(" && next.Kind == TokenKind.Operator)
        {
            Next();
            var arguments = new List<ExprSyntax>();
            if (Peek().Text != ")")
            {
                while (true)
                {
                    var argument = ParseConditional();
                    if (argument is null)
                    {
                        return null;
                    }

                    arguments.Add(argument);
                    if (Peek().Text == ",")
                    {
                        Next();
                        continue;
                    }

                    break;
                }
            }

            var close = Peek();
            if (!Expect(")", "to close the argument list"))
            {
                return null;
            }

            return new CallExpr(new NameSyntax(name.Text, SpanOf(name)), arguments.ToEquatableArray(), Join(SpanOf(name), SpanOf(close)));
        }

        if (next.Text == "." && next.Kind == TokenKind.Operator)
        {
            Next();
            var field = Next();
            if (field.Kind != TokenKind.Identifier)
            {
                Error(field, $"Expected a field name after '{name.Text}.'.");
                return null;
            }

            return new FieldExpr(nameExpr, new NameSyntax(field.Text, SpanOf(field)), Join(SpanOf(name), SpanOf(field)));
        }

        if (next.Text == "[" && next.Kind == TokenKind.Operator)
        {
            Next();
            var hi = Next();
            if (hi.Kind != TokenKind.Number)
            {
                Error(hi, $"Expected a bit number inside '{name.Text}[...]'.");
                return null;
            }

            NumberSyntax? lo = null;
            if (Peek().Text == ":")
            {
                Next();
                var loToken = Next();
                if (loToken.Kind != TokenKind.Number)
                {
                    Error(loToken, $"Expected the low bit number in '{name.Text}[hi:lo]'.");
                    return null;
                }

                lo = new NumberSyntax(loToken.Number, SpanOf(loToken));
            }

            var close = Peek();
            if (!Expect("]", "to close the bit selection"))
            {
                return null;
            }

            return new BitsExpr(nameExpr, new NumberSyntax(hi.Number, SpanOf(hi)), lo, Join(SpanOf(name), SpanOf(close)));
        }

        return nameExpr;
    }

    private bool Expect(string text, string why)
    {
        var token = Peek();
        if (token.Text == text && token.Kind == TokenKind.Operator)
        {
            Next();
            return true;
        }

        Error(token, token.Kind == TokenKind.End
            ? $"Expression ends early: expected '{text}' {why}."
            : $"Expected '{text}' {why} but found '{DiagnosticText.Quote(token.Text)}'.");
        return false;
    }

    private bool Enter()
    {
        if (++_depth > MaxDepth)
        {
            Error(Peek(), $"Expression nests deeper than {MaxDepth} levels; simplify it.");
            return false;
        }

        return true;
    }

    private ExprSyntax? Leave(ExprSyntax? result)
    {
        _depth--;
        return result;
    }

    private void Error(Token at, string message)
    {
        _error ??= Descriptors.ExpressionSyntax.Create(SpanOf(at), message);
    }

    private Token Peek() => _tokens[Math.Min(_position, _tokens.Count - 1)];

    private Token Next()
    {
        var token = Peek();
        if (_position < _tokens.Count - 1)
        {
            _position++;
        }

        return token;
    }

    private SourceSpan SpanOf(Token token) => _locate(token.Offset, Math.Max(1, token.Text.Length));

    private static SourceSpan Join(SourceSpan first, SourceSpan last) =>
        first.StartLine == last.EndLine
            ? new SourceSpan(first.Path, first.StartOffset, last.EndOffset, first.StartLine, first.StartColumn, last.EndLine, last.EndColumn)
            : first;

    /// <summary>The tokens of an expression; or the first character no token can hold, and the message saying so.</summary>
    private static List<Token> Tokenize(string text, out int errorAt, out int errorLength, out string? errorText)
    {
        var tokens = new List<Token>();
        errorAt = 0;
        errorLength = 0;
        errorText = null;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text.Substring(start, i - start), start, 0));
                continue;
            }

            if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                string literal = text.Substring(start, i - start);
                var parsed = IntegerLiteral.Parse(literal, out ulong value);
                if (parsed != IntegerParse.Ok)
                {
                    errorAt = start;
                    errorLength = literal.Length;
                    errorText = parsed == IntegerParse.TooLarge
                        ? $"Integer {DiagnosticText.Quote(literal)} is too large: {IntegerLiteral.Limit}."
                        : $"Expression '{DiagnosticText.Quote(text)}' has an unexpected character in the number '{DiagnosticText.Quote(literal)}'; use names, integers and the operators of docs/rules.md.";
                    return tokens;
                }

                tokens.Add(new Token(TokenKind.Number, literal, start, value));
                continue;
            }

            string two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
            if (two is "<<" or ">>" or "<=" or ">=" or "==" or "!=" or "&&" or "||")
            {
                tokens.Add(new Token(TokenKind.Operator, two, start, 0));
                i += 2;
                continue;
            }

            if (LanguagePatterns.OperatorCharacters.IndexOf(c) >= 0)
            {
                tokens.Add(new Token(TokenKind.Operator, c.ToString(CultureInfo.InvariantCulture), start, 0));
                i++;
                continue;
            }

            errorAt = start;
            errorLength = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            errorText = $"Expression '{DiagnosticText.Quote(text)}' has an unexpected character '{text.Substring(start, errorLength)}'; use names, integers and the operators of docs/rules.md.";
            return tokens;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length, 0));
        return tokens;
    }

    private enum TokenKind
    {
        Identifier,
        Number,
        Operator,
        End,
    }

    private readonly struct Token
    {
        public Token(TokenKind kind, string text, int offset, ulong number)
        {
            Kind = kind;
            Text = text;
            Offset = offset;
            Number = number;
        }

        public TokenKind Kind { get; }

        public string Text { get; }

        public int Offset { get; }

        public ulong Number { get; }
    }
}
