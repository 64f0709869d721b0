using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NvTrap.Kernel.Diagnostics;

namespace NvTrap.Kernel.Preprocessing;

/// <summary>
/// The C preprocessor, as far as the kernel's trap tables and their headers need it: #define
/// and #undef of object- and function-like macros (with <c>#</c>, <c>##</c>, <c>__VA_ARGS__</c>
/// and GNU's <c>, ## __VA_ARGS__</c>), #if/#ifdef/#ifndef/#elif/#else/#endif with
/// <c>defined</c> and constant expressions, #error. #include is not followed: the importer
/// reads the files it needs itself, in the order the kernel includes them, into one macro table.
/// Expansion uses hide sets (a macro is not expanded inside its own expansion) and rescans with
/// the rest of the input, so an object-like macro may expand to a function-like macro's name.
/// </summary>
internal sealed class Preprocessor
{
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, MacroDefinition> _macros = new(System.StringComparer.Ordinal);
    private readonly List<Token> _source = new();
    private readonly HashSet<string> _lockedDefines = new(System.StringComparer.Ordinal);
    /// <summary>Tokens macro expansion has handled so far (substituted, or collected as arguments), counted against <see cref="KernelLimits.MaxExpansionTokens"/>.</summary>
    private long _expansionTokens;
    private int _argumentDepth;

    public Preprocessor(DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        Process(Prelude.Path, Prelude.Text);
    }

    public IReadOnlyDictionary<string, MacroDefinition> Macros => _macros;

    /// <summary>
    /// True once a limit stopped the import (<see cref="KernelLimits.MaxExpansionTokens"/> or
    /// <see cref="KernelLimits.MaxNesting"/> here, or one of another phase): nothing more is
    /// expanded or processed.
    /// </summary>
    private bool LimitReached => _diagnostics.IsStopped;

    /// <summary>The tokens of every file read, as written; <see cref="Token.SourceFrom"/> indexes this list.</summary>
    public IReadOnlyList<Token> Source => _source;

    /// <summary>Where the invocation or token that produced <paramref name="token"/> was written.</summary>
    public SourceLocation Origin(Token token) =>
        token.SourceFrom >= 0 && token.SourceFrom < _source.Count ? _source[token.SourceFrom].Location : token.Location;

    /// <summary>The source tokens a token or a run of tokens came from, as written.</summary>
    public IReadOnlyList<Token> Spelling(IReadOnlyList<Token> tokens)
    {
        int from = tokens.Where(t => t.SourceFrom >= 0).Select(t => t.SourceFrom).DefaultIfEmpty(-1).Min();
        int to = tokens.Where(t => t.SourceTo >= 0).Select(t => t.SourceTo).DefaultIfEmpty(-1).Max();
        return from < 0 ? tokens : _source.Skip(from).Take(to - from + 1).ToList();
    }

    /// <summary>
    /// Defines a macro as a command line's -D does (<c>NAME</c> or <c>NAME=VALUE</c>); a name
    /// defined here keeps this value even if a file defines it again.
    /// </summary>
    public void DefineFromCommandLine(string definition, SourceLocation location)
    {
        int equals = definition.IndexOf('=');
        string name = equals < 0 ? definition : definition.Substring(0, equals);
        string value = equals < 0 ? "1" : definition.Substring(equals + 1);
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            _diagnostics.Error(KernelDiagnosticId.BadDefine, location, $"--define '{definition}' does not start with a macro name (NAME or NAME=VALUE).");
            return;
        }

        Define(name, value, location);
        _lockedDefines.Add(name);
    }

    /// <summary>Defines an object-like macro whose body is <paramref name="body"/>, located at <paramref name="location"/> (the sysreg file's generated definitions).</summary>
    public void Define(string name, string body, SourceLocation location)
    {
        if (_lockedDefines.Contains(name))
        {
            return;
        }

        var tokens = Lexer.Lex(location.Path, body, -1)
            .Select(t => new Token(t.Kind, t.Text, location, false, t.LeadingSpace, -1, -1))
            .ToList();
        _macros[name] = new MacroDefinition(name, false, System.Array.Empty<string>(), false, tokens, location);
    }

    /// <summary>Preprocesses one file: runs its directives and returns the macro-expanded tokens of its active text.</summary>
    public List<Token> Process(string path, string text)
    {
        var raw = Lexer.Lex(path, text, _source.Count);
        _source.AddRange(raw);
        var output = new List<Token>();
        var pending = new List<Token>();
        var conditions = new Stack<Conditional>();
        bool Active() => conditions.Count == 0 || conditions.Peek().Active;

        int i = 0;
        while (i < raw.Count && !LimitReached)
        {
            var token = raw[i];
            if (token.StartsLine && token.Is("#"))
            {
                int end = i + 1;
                while (end < raw.Count && !raw[end].StartsLine)
                {
                    end++;
                }

                var line = raw.GetRange(i + 1, end - i - 1);
                i = end;
                if (Active())
                {
                    output.AddRange(ExpandAll(pending));
                    pending.Clear();
                }

                Directive(token, line, conditions);
                continue;
            }

            if (Active())
            {
                pending.Add(token);
            }

            i++;
        }

        output.AddRange(ExpandAll(pending));
        if (LimitReached)
        {
            return output;
        }

        foreach (var open in conditions)
        {
            _diagnostics.Error(KernelDiagnosticId.BadDirective, open.Location, "This #if has no #endif before the end of the file.");
        }

        return output;
    }

    private sealed class Conditional
    {
        public Conditional(bool parentActive, bool active, SourceLocation location)
        {
            ParentActive = parentActive;
            Active = active;
            Taken = active;
            Location = location;
        }

        public bool ParentActive { get; }

        public bool Active { get; set; }

        public bool Taken { get; set; }

        public bool SeenElse { get; set; }

        public SourceLocation Location { get; }
    }

    private void Directive(Token hash, List<Token> line, Stack<Conditional> conditions)
    {
        if (line.Count == 0)
        {
            return;
        }

        var name = line[0];
        var rest = line.Skip(1).ToList();
        bool active = conditions.Count == 0 || conditions.Peek().Active;
        switch (name.Text)
        {
            case "if":
            case "ifdef":
            case "ifndef":
                {
                    bool value = false;
                    if (active)
                    {
                        value = name.Text == "if" ? EvaluateCondition(name, rest) : IsDefinedTest(name, rest) == (name.Text == "ifdef");
                    }

                    conditions.Push(new Conditional(active, active && value, hash.Location));
                    return;
                }

            case "elif":
            case "else":
                {
                    if (conditions.Count == 0 || conditions.Peek().SeenElse)
                    {
                        _diagnostics.Error(KernelDiagnosticId.BadDirective, name.Location, $"#{name.Text} without a matching #if.");
                        return;
                    }

                    var frame = conditions.Peek();
                    if (name.Text == "else")
                    {
                        frame.SeenElse = true;
                        frame.Active = frame.ParentActive && !frame.Taken;
                    }
                    else
                    {
                        frame.Active = frame.ParentActive && !frame.Taken && EvaluateCondition(name, rest);
                    }

                    frame.Taken |= frame.Active;
                    return;
                }

            case "endif":
                if (conditions.Count == 0)
                {
                    _diagnostics.Error(KernelDiagnosticId.BadDirective, name.Location, "#endif without a matching #if.");
                }
                else
                {
                    conditions.Pop();
                }

                return;
        }

        if (!active)
        {
            return;
        }

        switch (name.Text)
        {
            case "define":
                Define(name, rest);
                return;
            case "undef":
                if (rest.Count > 0 && !_lockedDefines.Contains(rest[0].Text))
                {
                    _macros.Remove(rest[0].Text);
                }

                return;
            case "error":
                _diagnostics.Error(KernelDiagnosticId.ErrorDirective, hash.Location, $"#error {Lexer.Quote(rest)}");
                return;
            case "include":
            case "include_next":
            case "warning":
            case "pragma":
            case "line":
            case "ident":
                // Headers are read by the importer itself; the rest does not affect the tables.
                return;
            default:
                _diagnostics.Error(KernelDiagnosticId.BadDirective, name.Location, $"Unknown preprocessor directive #{name.Text}.");
                return;
        }
    }

    private bool IsDefinedTest(Token directive, List<Token> rest)
    {
        if (rest.Count == 0 || rest[0].Kind != TokenKind.Identifier)
        {
            _diagnostics.Error(KernelDiagnosticId.BadDirective, directive.Location, $"#{directive.Text} needs a macro name.");
            return false;
        }

        return _macros.ContainsKey(rest[0].Text);
    }

    private bool EvaluateCondition(Token directive, List<Token> rest)
    {
        // defined X and defined(X) are answered before expansion, as C requires.
        var replaced = new List<Token>();
        for (int k = 0; k < rest.Count; k++)
        {
            if (rest[k].IsIdentifier("defined"))
            {
                bool parenthesized = k + 1 < rest.Count && rest[k + 1].Is("(");
                int nameAt = parenthesized ? k + 2 : k + 1;
                if (nameAt >= rest.Count || rest[nameAt].Kind != TokenKind.Identifier || (parenthesized && (nameAt + 1 >= rest.Count || !rest[nameAt + 1].Is(")"))))
                {
                    _diagnostics.Error(KernelDiagnosticId.BadDirective, rest[k].Location, "'defined' needs a macro name, as 'defined NAME' or 'defined(NAME)'.");
                    return false;
                }

                string value = _macros.ContainsKey(rest[nameAt].Text) ? "1" : "0";
                replaced.Add(new Token(TokenKind.Number, value, rest[k].Location, false, true, rest[k].SourceFrom, rest[k].SourceTo));
                k = parenthesized ? nameAt + 1 : nameAt;
                continue;
            }

            replaced.Add(rest[k]);
        }

        var expanded = ExpandAll(replaced);
        if (LimitReached)
        {
            return false;
        }

        // An identifier left after expansion is 0 in #if; a function-like use of an unknown
        // name is an error (a header the import does not read defines it).
        var value2 = ConstantExpression.Evaluate(expanded, _ => CValue.Int(0), out var error);
        if (value2 is null)
        {
            var at = error?.At;
            var id = error?.Id ?? KernelDiagnosticId.BadExpression;
            _diagnostics.Error(id, at is null ? directive.Location : Origin(at), $"#{directive.Text} {Lexer.Quote(rest)}: {error?.Message ?? "empty condition"}.");
            return false;
        }

        return value2.Value.IsTrue;
    }

    private void Define(Token directive, List<Token> rest)
    {
        if (rest.Count == 0 || rest[0].Kind != TokenKind.Identifier)
        {
            _diagnostics.Error(KernelDiagnosticId.BadDirective, directive.Location, "#define needs a macro name.");
            return;
        }

        var name = rest[0];
        if (_lockedDefines.Contains(name.Text))
        {
            return;
        }

        var parameters = new List<string>();
        bool functionLike = rest.Count > 1 && rest[1].Is("(") && !rest[1].LeadingSpace;
        bool variadic = false;
        int bodyStart = 1;
        if (functionLike)
        {
            int k = 2;
            while (k < rest.Count && !rest[k].Is(")"))
            {
                if (rest[k].Is("..."))
                {
                    variadic = true;
                    parameters.Add("__VA_ARGS__");
                }
                else if (rest[k].Kind == TokenKind.Identifier)
                {
                    parameters.Add(rest[k].Text);
                    if (k + 1 < rest.Count && rest[k + 1].Is("..."))
                    {
                        variadic = true;
                        k++;
                    }
                }
                else if (!rest[k].Is(","))
                {
                    _diagnostics.Error(KernelDiagnosticId.BadDirective, rest[k].Location, $"Unexpected '{rest[k].Text}' in the parameters of macro {name.Text}.");
                    return;
                }

                k++;
            }

            if (k >= rest.Count)
            {
                _diagnostics.Error(KernelDiagnosticId.BadDirective, name.Location, $"The parameter list of macro {name.Text} has no ')'.");
                return;
            }

            bodyStart = k + 1;
        }

        var body = rest.Skip(bodyStart).ToList();
        _macros[name.Text] = new MacroDefinition(name.Text, functionLike, parameters, variadic, body, name.Location);
    }

    /// <summary>Macro-expands a token list completely (no directives), rescanning each expansion with what follows it.</summary>
    public List<Token> ExpandAll(IReadOnlyList<Token> input)
    {
        var output = new List<Token>();
        var stack = new Stack<Token>(input.Reverse());
        while (stack.Count > 0 && !LimitReached)
        {
            var token = stack.Pop();
            if (token.Kind != TokenKind.Identifier || token.HideSet.Contains(token.Text))
            {
                output.Add(token);
                continue;
            }

            if (token.Text == "__LINE__")
            {
                output.Add(new Token(TokenKind.Number, Origin(token).Line.ToString(System.Globalization.CultureInfo.InvariantCulture), token.Location, false, token.LeadingSpace, token.SourceFrom, token.SourceTo));
                continue;
            }

            if (!_macros.TryGetValue(token.Text, out var macro))
            {
                output.Add(token);
                continue;
            }

            if (!macro.FunctionLike)
            {
                var hide = token.HideSet.Add(macro.Name);
                var result = Substitute(macro, new List<List<Token>>(), hide, token.SourceFrom, token.SourceTo, token);
                PushFront(stack, result);
                continue;
            }

            if (stack.Count == 0 || !stack.Peek().Is("("))
            {
                // A function-like macro's name without arguments is just a name.
                output.Add(token);
                continue;
            }

            var arguments = CollectArguments(token, macro, stack, out var closing);
            if (arguments is null || closing is null)
            {
                output.Add(token);
                continue;
            }

            var hideSet = token.HideSet.Intersect(closing.HideSet).Add(macro.Name);
            int from = System.Math.Min(token.SourceFrom, closing.SourceFrom);
            int to = System.Math.Max(token.SourceTo, closing.SourceTo);
            PushFront(stack, Substitute(macro, arguments, hideSet, from, to, token));
        }

        return output;
    }

    private static void PushFront(Stack<Token> stack, List<Token> tokens)
    {
        for (int k = tokens.Count - 1; k >= 0; k--)
        {
            stack.Push(tokens[k]);
        }
    }

    private List<List<Token>>? CollectArguments(Token name, MacroDefinition macro, Stack<Token> stack, out Token? closing)
    {
        stack.Pop();
        var arguments = new List<List<Token>> { new() };
        int depth = 0;
        closing = null;
        while (stack.Count > 0)
        {
            var token = stack.Pop();
            if (token.Is("(") || token.Is("[") || token.Is("{"))
            {
                depth += token.Is("(") ? 1 : 0;
            }

            if (token.Is(")"))
            {
                if (depth == 0)
                {
                    closing = token;
                    break;
                }

                depth--;
            }

            bool variadicTail = macro.Variadic && arguments.Count == macro.Parameters.Count;
            if (token.Is(",") && depth == 0 && !variadicTail)
            {
                arguments.Add(new List<Token>());
                continue;
            }

            arguments[arguments.Count - 1].Add(token);
            if (!Spend(1, name, macro))
            {
                return null;
            }
        }

        if (closing is null)
        {
            _diagnostics.Error(KernelDiagnosticId.BadMacroCall, Origin(name), $"The invocation of macro {macro.Name} has no closing ')'.");
            return null;
        }

        if (macro.Parameters.Count == 0 && arguments.Count == 1 && arguments[0].Count == 0)
        {
            arguments.Clear();
        }

        if (macro.Variadic && arguments.Count == macro.Parameters.Count - 1)
        {
            arguments.Add(new List<Token>());
        }

        if (arguments.Count != macro.Parameters.Count)
        {
            _diagnostics.Error(KernelDiagnosticId.BadMacroCall, Origin(name),
                $"Macro {macro.Name} (defined at {macro.Location}) takes {macro.Parameters.Count} argument(s); this invocation gives {arguments.Count}.");
            return null;
        }

        return arguments;
    }

    private List<Token> Substitute(MacroDefinition macro, List<List<Token>> arguments, ImmutableHashSet<string> hideSet, int from, int to, Token invocation)
    {
        var body = macro.Body;
        var result = new List<Token>();
        var expandedArguments = new Dictionary<int, List<Token>>();
        bool pastePending = false;

        int ParameterIndex(Token token) => macro.FunctionLike && token.Kind == TokenKind.Identifier ? IndexOf(macro.Parameters, token.Text) : -1;

        Token Stamp(Token token, bool fromArgument) =>
            fromArgument ? token.With(HideSets.Union(token.HideSet, hideSet), token.SourceFrom, token.SourceTo) : token.With(HideSets.Union(token.HideSet, hideSet), from, to);

        void Append(List<Token> piece, Token at, bool isVaArgs)
        {
            if (pastePending)
            {
                pastePending = false;
                if (isVaArgs && piece.Count == 0 && result.Count > 0 && result[result.Count - 1].Is(","))
                {
                    // GNU: ", ## __VA_ARGS__" drops the comma when there are no variable arguments.
                    result.RemoveAt(result.Count - 1);
                    return;
                }

                if (piece.Count > 0 && result.Count > 0)
                {
                    var left = result[result.Count - 1];
                    var right = piece[0];
                    var pasted = Lexer.Lex(left.Location.Path, left.Text + right.Text, -1);
                    if (pasted.Count != 1)
                    {
                        _diagnostics.Error(KernelDiagnosticId.BadPaste, Origin(invocation), $"Pasting '{left.Text}' and '{right.Text}' in macro {macro.Name} does not give one token.");
                        return;
                    }

                    result[result.Count - 1] = new Token(pasted[0].Kind, pasted[0].Text, left.Location, false, left.LeadingSpace,
                        System.Math.Min(left.SourceFrom, right.SourceFrom), System.Math.Max(left.SourceTo, right.SourceTo), HideSets.Union(left.HideSet, right.HideSet));
                    result.AddRange(piece.Skip(1));
                    return;
                }
            }

            result.AddRange(piece);
        }

        for (int k = 0; k < body.Count; k++)
        {
            var token = body[k];
            if (token.Is("##") && k > 0 && k < body.Count - 1)
            {
                pastePending = true;
                continue;
            }

            if (macro.FunctionLike && token.Is("#") && k + 1 < body.Count && ParameterIndex(body[k + 1]) >= 0)
            {
                var argument = arguments[ParameterIndex(body[k + 1])];
                string text = "\"" + Lexer.Spell(argument).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
                Append(new List<Token> { new(TokenKind.String, text, token.Location, false, token.LeadingSpace, from, to, hideSet) }, token, false);
                k++;
                continue;
            }

            int parameter = ParameterIndex(token);
            if (parameter >= 0)
            {
                bool besidePaste = pastePending || (k + 1 < body.Count && body[k + 1].Is("##"));
                List<Token> piece;
                if (besidePaste)
                {
                    piece = arguments[parameter];
                }
                else
                {
                    if (!expandedArguments.TryGetValue(parameter, out var expanded))
                    {
                        expanded = ExpandArgument(arguments[parameter], invocation, macro);
                        expandedArguments[parameter] = expanded;
                    }

                    piece = expanded;
                }

                var stamped = piece.Select(t => Stamp(t, true)).ToList();
                if (stamped.Count > 0)
                {
                    stamped[0] = stamped[0].With(stamped[0].HideSet, stamped[0].SourceFrom, stamped[0].SourceTo, token.LeadingSpace);
                }

                Append(stamped, token, macro.Parameters[parameter] == "__VA_ARGS__" || (macro.Variadic && parameter == macro.Parameters.Count - 1));
                continue;
            }

            Append(new List<Token> { Stamp(token, false) }, token, false);
        }

        if (result.Count > 0)
        {
            result[0] = result[0].With(result[0].HideSet, result[0].SourceFrom, result[0].SourceTo, invocation.LeadingSpace);
        }

        return Spend(result.Count, invocation, macro) ? result : new List<Token>();
    }

    /// <summary>
    /// A macro argument expanded on its own, as C expands an argument before substituting it. An
    /// argument holding a macro call nests one level: the depth is what this recursion costs.
    /// </summary>
    private List<Token> ExpandArgument(List<Token> argument, Token invocation, MacroDefinition macro)
    {
        if (_argumentDepth >= KernelLimits.MaxNesting)
        {
            Stop(KernelDiagnosticId.NestingTooDeep, invocation,
                $"Macro calls nest deeper than {KernelLimits.MaxNesting} levels inside the arguments of {macro.Name} (and the calls around it); the import's limit keeps expansion off the end of the stack. Nothing after this point was read.");
            return argument;
        }

        _argumentDepth++;
        var expanded = ExpandAll(argument);
        _argumentDepth--;
        return expanded;
    }

    /// <summary>Counts <paramref name="tokens"/> more of expansion work; false (and the import stops) past <see cref="KernelLimits.MaxExpansionTokens"/>.</summary>
    private bool Spend(int tokens, Token invocation, MacroDefinition macro)
    {
        _expansionTokens += tokens;
        if (_expansionTokens <= KernelLimits.MaxExpansionTokens)
        {
            return !LimitReached;
        }

        Stop(KernelDiagnosticId.ExpansionTooLarge, invocation,
            FormattableString.Invariant($"Macro expansion passes the import's limit of {KernelLimits.MaxExpansionTokens:N0} tokens (substituted or collected as arguments) while expanding {macro.Name} (defined at {macro.Location}). Look for a macro that expands to several copies of another, which doubles the size at each level, or calls nested deep inside arguments. Nothing after this point was read."));
        return false;
    }

    private void Stop(KernelDiagnosticId id, Token invocation, string message) => _diagnostics.Stop(id, Origin(invocation), message);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int k = 0; k < names.Count; k++)
        {
            if (names[k] == name)
            {
                return k;
            }
        }

        return -1;
    }
}
