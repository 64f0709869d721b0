using System.Collections.Generic;
using System.Linq;
using NvTrap.Kernel.Diagnostics;
using NvTrap.Kernel.Preprocessing;

namespace NvTrap.Kernel.Parsing;

/// <summary>
/// Reads the top-level declarations of preprocessed C that the trap tables are made of: enum
/// definitions and variables with (designated) initializers. Everything else at file scope -
/// function definitions, struct and union definitions, prototypes, typedefs - is skipped by
/// balancing its brackets, so headers full of inline functions can be read for their enums.
/// </summary>
internal sealed class CParser
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly DiagnosticBag _diagnostics;
    private readonly System.Func<Token, SourceLocation> _locate;
    private int _position;
    private int _depth;

    private CParser(IReadOnlyList<Token> tokens, DiagnosticBag diagnostics, System.Func<Token, SourceLocation> locate)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
        _locate = locate;
    }

    public static CUnit Parse(IReadOnlyList<Token> tokens, DiagnosticBag diagnostics, System.Func<Token, SourceLocation> locate)
    {
        var parser = new CParser(tokens, diagnostics, locate);
        var unit = new CUnit();
        parser.TopLevel(unit);
        return unit;
    }

    /// <summary>Reads <c>( type ) { ... }</c>, a compound literal, as its braced list; null if the tokens are not one.</summary>
    public static CInitializerList? CompoundLiteral(IReadOnlyList<Token> tokens, DiagnosticBag diagnostics, System.Func<Token, SourceLocation> locate)
    {
        if (tokens.Count < 4 || !tokens[0].Is("("))
        {
            return null;
        }

        int close = MatchingClose(tokens, 0);
        if (close < 0 || close + 1 >= tokens.Count || !tokens[close + 1].Is("{"))
        {
            return null;
        }

        var parser = new CParser(tokens.Skip(close + 1).ToList(), diagnostics, locate);
        var list = parser.Initializer() as CInitializerList;
        return parser._position == parser._tokens.Count ? list : null;
    }

    private static int MatchingClose(IReadOnlyList<Token> tokens, int open)
    {
        int depth = 0;
        for (int k = open; k < tokens.Count; k++)
        {
            if (tokens[k].Is("(") || tokens[k].Is("[") || tokens[k].Is("{"))
            {
                depth++;
            }
            else if (tokens[k].Is(")") || tokens[k].Is("]") || tokens[k].Is("}"))
            {
                depth--;
                if (depth == 0)
                {
                    return k;
                }
            }
        }

        return -1;
    }

    private Token? Peek => _position < _tokens.Count ? _tokens[_position] : null;

    private void TopLevel(CUnit unit)
    {
        while (_position < _tokens.Count)
        {
            int start = _position;
            var head = new List<Token>();
            int depth = 0;
            while (_position < _tokens.Count)
            {
                var token = _tokens[_position];
                if (depth == 0 && (token.Is(";") || token.Is("=") || token.Is("{")))
                {
                    break;
                }

                if (token.Is("(") || token.Is("["))
                {
                    depth++;
                }
                else if (token.Is(")") || token.Is("]"))
                {
                    depth--;
                }

                head.Add(token);
                _position++;
            }

            if (_position >= _tokens.Count)
            {
                if (head.Count > 0)
                {
                    _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(head[0]), $"The declaration starting '{Lexer.Quote(head.Take(6))}' has no ';' before the end of the file.");
                }

                return;
            }

            var stop = _tokens[_position];
            if (stop.Is(";"))
            {
                _position++;
                continue;
            }

            if (stop.Is("{"))
            {
                int enumAt = head.FindLastIndex(t => t.IsIdentifier("enum"));
                if (enumAt >= 0 && enumAt == head.Count - 2 && head[head.Count - 1].Kind == TokenKind.Identifier)
                {
                    unit.Enums.Add(Enum(head[head.Count - 1]));
                    SkipPast(";");
                    continue;
                }

                if (!SkipBraces())
                {
                    return;
                }

                // A struct or union definition ends with ';' (possibly after declarators); a function body does not.
                if (!(head.Count > 0 && head[head.Count - 1].Is(")")))
                {
                    SkipPast(";");
                }

                continue;
            }

            // '=': an initialized declaration; the name is the identifier before its '[' (or the last one).
            int bracket = head.FindIndex(t => t.Is("["));
            var name = (bracket > 0 ? head.Take(bracket) : head).LastOrDefault(t => t.Kind == TokenKind.Identifier);
            _position++;
            var initializer = Initializer();
            if (name is not null && initializer is not null)
            {
                unit.Variables.Add(new CVariable(name.Text, initializer, name));
            }

            SkipPast(";");
            if (_position == start)
            {
                _position++;
            }
        }
    }

    private void SkipPast(string punctuator)
    {
        int depth = 0;
        while (_position < _tokens.Count)
        {
            var token = _tokens[_position++];
            if (token.Is("(") || token.Is("[") || token.Is("{"))
            {
                depth++;
            }
            else if (token.Is(")") || token.Is("]") || token.Is("}"))
            {
                depth--;
            }
            else if (depth <= 0 && token.Is(punctuator))
            {
                return;
            }
        }
    }

    private bool SkipBraces()
    {
        var open = _tokens[_position];
        int close = MatchingClose(_tokens, _position);
        if (close < 0)
        {
            _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(open), "This '{' has no matching '}' before the end of the file.");
            _position = _tokens.Count;
            return false;
        }

        _position = close + 1;
        return true;
    }

    private CEnum Enum(Token name)
    {
        var open = _tokens[_position];
        int close = MatchingClose(_tokens, _position);
        if (close < 0)
        {
            _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(open), $"enum {name.Text} has no closing '}}'.");
            _position = _tokens.Count;
            return new CEnum(name.Text, new List<CEnumerator>(), name);
        }

        var enumerators = new List<CEnumerator>();
        var declared = new Dictionary<string, Token>(System.StringComparer.Ordinal);
        foreach (var part in SplitTopLevel(_tokens.Skip(_position + 1).Take(close - _position - 1).ToList()))
        {
            if (part.Count == 0)
            {
                continue;
            }

            if (part[0].Kind == TokenKind.Identifier && (part.Count == 1 || part[1].Is("=")))
            {
                if (declared.TryGetValue(part[0].Text, out var earlier))
                {
                    // C rejects a second declaration; the readers key groups and registers by name.
                    _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(part[0]), $"enum {name.Text} declares {part[0].Text} twice (first at {_locate(earlier)}).");
                    continue;
                }

                declared[part[0].Text] = part[0];
            }

            if (part[0].Kind == TokenKind.Identifier && part.Count == 1)
            {
                enumerators.Add(new CEnumerator(part[0].Text, null, part[0]));
            }
            else if (part[0].Kind == TokenKind.Identifier && part.Count > 2 && part[1].Is("="))
            {
                enumerators.Add(new CEnumerator(part[0].Text, part.Skip(2).ToList(), part[0]));
            }
            else
            {
                enumerators.Add(new CEnumerator(null, part, part[0]));
            }
        }

        _position = close + 1;
        return new CEnum(name.Text, enumerators, name);
    }

    private static List<List<Token>> SplitTopLevel(IReadOnlyList<Token> tokens)
    {
        var parts = new List<List<Token>> { new() };
        int depth = 0;
        foreach (var token in tokens)
        {
            if (token.Is("(") || token.Is("[") || token.Is("{"))
            {
                depth++;
            }
            else if (token.Is(")") || token.Is("]") || token.Is("}"))
            {
                depth--;
            }

            if (depth == 0 && token.Is(","))
            {
                parts.Add(new List<Token>());
                continue;
            }

            parts[parts.Count - 1].Add(token);
        }

        return parts;
    }

    private CInitializer? Initializer()
    {
        var first = Peek;
        if (first is null)
        {
            return null;
        }

        if (!first.Is("{"))
        {
            var expression = new List<Token>();
            int depth = 0;
            while (Peek is { } token && !(depth == 0 && (token.Is(",") || token.Is("}") || token.Is(";"))))
            {
                if (token.Is("(") || token.Is("[") || token.Is("{"))
                {
                    depth++;
                }
                else if (token.Is(")") || token.Is("]") || token.Is("}"))
                {
                    depth--;
                }

                expression.Add(token);
                _position++;
            }

            if (expression.Count == 0)
            {
                // "{ , }", ".x = ," or "= ;": C has no empty initializer here, and the tables'
                // readers take every value to have a first token.
                _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(first), $"Expected a value before '{first.Text}'.");
                return null;
            }

            return new CExpression(first, expression);
        }

        if (_depth >= KernelLimits.MaxNesting)
        {
            // The reader recurses once a brace; past the limit it stops reading the file rather
            // than run off the end of the stack, and reports nothing after this.
            _diagnostics.Stop(KernelDiagnosticId.NestingTooDeep, _locate(first), $"Braces nest deeper than {KernelLimits.MaxNesting} levels in this initializer; the import's limit keeps its reader off the end of the stack. Nothing after this point was read.");
            _position = _tokens.Count;
            return null;
        }

        _depth++;
        var list = InitializerList(first);
        _depth--;
        return list;
    }

    /// <summary>The braced list that starts at <paramref name="first"/>, the '{'.</summary>
    private CInitializerList? InitializerList(Token first)
    {
        _position++;
        var items = new List<CInitializerItem>();
        while (Peek is { } token && !token.Is("}"))
        {
            int itemStart = _position;
            var designators = new List<CDesignator>();
            while (Peek is { } d && (d.Is(".") || d.Is("[")))
            {
                if (d.Is("."))
                {
                    _position++;
                    if (Peek is not { Kind: TokenKind.Identifier } member)
                    {
                        _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(d), "A '.' designator needs a member name.");
                        return null;
                    }

                    designators.Add(new CDesignator(member.Text, null));
                    _position++;
                }
                else
                {
                    int close = MatchingClose(_tokens, _position);
                    if (close < 0)
                    {
                        _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(d), "A '[' designator has no ']'.");
                        return null;
                    }

                    if (close == _position + 1)
                    {
                        _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(d), "A '[' designator needs an index: [CGT_...] = ...");
                        return null;
                    }

                    designators.Add(new CDesignator(null, _tokens.Skip(_position + 1).Take(close - _position - 1).ToList()));
                    _position = close + 1;
                }
            }

            if (designators.Count > 0)
            {
                if (Peek is not { } equals || !equals.Is("="))
                {
                    _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(_tokens[itemStart]), "A designator must be followed by '='.");
                    return null;
                }

                _position++;
            }

            var value = Initializer();
            if (value is null)
            {
                return null;
            }

            items.Add(new CInitializerItem(designators, value, _tokens.Skip(itemStart).Take(_position - itemStart).ToList()));
            if (Peek is { } comma && comma.Is(","))
            {
                _position++;
            }
            else if (Peek is { } other && !other.Is("}"))
            {
                _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(other), $"Expected ',' or '}}' in an initializer list, found '{other.Text}'.");
                return null;
            }
        }

        if (Peek is null)
        {
            _diagnostics.Error(KernelDiagnosticId.BadDeclaration, _locate(first), "This initializer list has no closing '}'.");
            return null;
        }

        _position++;
        return new CInitializerList(first, items);
    }
}
