using System.Collections.Generic;
using System.IO;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using YamlDotNet.Core.Events;
using YamlDotNet.Core;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// Turns YAML text into a <see cref="YamlNode"/> tree by walking the parser's events with an
/// explicit stack. Unlike YamlDotNet's representation model it cannot overflow the call stack,
/// it rejects anchors, aliases and tags (so trees cannot explode), and it enforces
/// <see cref="YamlLimits"/>. Every failure becomes a located diagnostic, never an exception.
/// </summary>
internal static class YamlFrontEnd
{
    public static YamlNode? Parse(string path, string text, YamlLimits limits, List<RuleDiagnostic> diagnostics)
    {
        if (text.Length > limits.MaxChars)
        {
            diagnostics.Add(Descriptors.LimitExceeded.Create(SourceSpan.FileStart(path),
                Invariant($"Rule file is {text.Length:N0} characters long; the limit is {limits.MaxChars:N0}. Split the rules into several *.nvtrap.yaml files.")));
            return null;
        }

        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var parser = new Parser(scanner);
        var builder = new TreeBuilder(path, text, limits, diagnostics);
        Mark lastGood = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (!builder.Accept(current))
                {
                    return null;
                }

                lastGood = current.Start;
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Add(SyntaxError(path, text, ex, scanner.CurrentPosition, builder.OpenFlowCollection));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet (16.3 and 18.1 alike) throws a bare InvalidOperationException from its
            // scanner for some malformed input instead of a YamlException with a position: a flow
            // collection left open, or continued on a line not indented past its key ("a: [\nb]").
            // Its message says nothing about the input: name the bracket that is still open.
            diagnostics.Add(builder.OpenFlowCollection is { } open
                ? Descriptors.YamlSyntax.Create(Span(path, text, open.Start, open.Start),
                    $"YAML syntax error: this '{(open.IsMapping ? '{' : '[')}' is not closed where YAML expects it. Close it with '{(open.IsMapping ? '}' : ']')}', and indent every line inside it more than its key; a [ ] or {{ }} continued on a new line must be indented more than its key.")
                : Descriptors.YamlSyntax.Create(Span(path, text, lastGood, lastGood),
                    "YAML syntax error after this point: the YAML parser could not read on. Check the indentation and brackets that follow."));
            return null;
        }
        catch (ArgumentException)
        {
            // Thrown while building a tag or decoding an escape (a tag that is not a URI, an empty
            // verbatim tag, "\U" beyond Unicode): the input's fault, at the scanner's position.
            var at = scanner.CurrentPosition;
            diagnostics.Add(Descriptors.YamlSyntax.Create(Span(path, text, at, at),
                "YAML syntax error: an invalid tag or escape sequence here. Remove the tag, or write a \\u or \\U escape of a Unicode character (at most \\U0010FFFF)."));
            return null;
        }

        return builder.Root;
    }

    /// <summary>
    /// A YamlException as a located NVT001. Two of its messages are made plain: a tab in the
    /// indentation (reported by YamlDotNet at the start of the file) is located at the tab, and a
    /// key longer than YAML's 1,024-character limit for keys not written with '? ' is named as such.
    /// </summary>
    private static RuleDiagnostic SyntaxError(string path, string text, YamlException ex, Mark scannerAt, TreeBuilder.Frame? open)
    {
        if (ex.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && FirstIndentationTab(text) is { } tab)
        {
            return Descriptors.YamlSyntax.Create(Span(path, text, tab, tab),
                "YAML syntax error: a tab indents this line; YAML indents with spaces only. Replace the tab with spaces.");
        }

        var start = ex.Start.Index == 0 && ex.Start.Line <= 1 && scannerAt.Index > 0 ? scannerAt : ex.Start;
        if (LongImplicitKey(text, (int)start.Index) is { } key)
        {
            return Descriptors.YamlSyntax.Create(Span(path, text, key.Start, key.Start),
                Invariant($"YAML syntax error: this key is {key.Length:N0} characters long, over YAML's limit of 1,024 for a key not written as '? key'. Shorten it (names are at most 256 characters)."));
        }

        var end = start.Index > ex.End.Index ? start : ex.End;
        if (open is not null && ex.Message.IndexOf("did not find expected", StringComparison.Ordinal) >= 0)
        {
            // The end of a [ ] or { } was expected: name the bracket that is still open.
            var opened = Span(path, text, open.Start, open.Start);
            return Descriptors.YamlSyntax.Create(Span(path, text, start, end),
                $"YAML syntax error: {CleanMessage(ex)}; the '{(open.IsMapping ? '{' : '[')}' at {opened.ToDisplayString()} is not closed. Close it, or fix the entry before this position.", opened);
        }

        return Descriptors.YamlSyntax.Create(Span(path, text, start, end), $"YAML syntax error: {CleanMessage(ex)}. Fix the YAML at this position.");
    }

    /// <summary>
    /// A mark at or past the end of the text placed at the text's end, computed from the text. The
    /// parser's marks there cannot be trusted: it reads a text that does not end in a line break as
    /// if it did, marking the end of the stream on a line the file does not have, and after an
    /// empty document ("---\n") it marks the end one character past the text (found by the
    /// mutation property).
    /// </summary>
    private static Mark InText(string text, Mark mark) => mark.Index < text.Length ? mark : MarkAt(text, text.Length);

    /// <summary>Line breaks as the YAML parser counts them: CR, LF, NEL, LS and PS.</summary>
    private static bool Breaks(string text, int i) => text[i] is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>
    /// The line and column of <paramref name="index"/>, counting lines as the YAML parser does (CR,
    /// LF, CR LF, NEL, LS and PS each end one), so every mark computed here agrees with its offset.
    /// </summary>
    private static Mark MarkAt(string text, int index)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.Length; i++)
        {
            if (Breaks(text, i))
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                lineStart = i + 1;
            }
        }

        return new Mark(index, line, index - lineStart + 1);
    }

    /// <summary>The first tab in the leading white space of a line, as a mark.</summary>
    private static Mark? FirstIndentationTab(string text)
    {
        bool atLineStart = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (Breaks(text, i))
            {
                atLineStart = true;
                continue;
            }

            if (!atLineStart)
            {
                continue;
            }

            if (c == '\t')
            {
                return MarkAt(text, i);
            }

            atLineStart = c == ' ';
        }

        return null;
    }

    /// <summary>
    /// When the error is at a ':' closing a key of more than 1,024 characters on its line (from the
    /// line's first character that is not indentation or a '- '), that key's start and length.
    /// </summary>
    private static (Mark Start, int Length)? LongImplicitKey(string text, int colon)
    {
        if (colon <= 0 || colon >= text.Length || text[colon] != ':')
        {
            return null;
        }

        int lineStart = colon;
        while (lineStart > 0 && !Breaks(text, lineStart - 1))
        {
            lineStart--;
        }

        int keyStart = lineStart;
        while (keyStart < colon && text[keyStart] is ' ' or '-' or '{' or ',' or '[')
        {
            keyStart++;
        }

        int length = colon - keyStart;
        if (length <= 1024)
        {
            return null;
        }

        return (MarkAt(text, keyStart), length);
    }

    /// <summary>Formats numbers the same on every machine, so the build and the CLI print identical text.</summary>
    private static string Invariant(System.FormattableString text) => System.FormattableString.Invariant(text);

    internal static SourceSpan Span(string path, string text, Mark start, Mark end)
    {
        start = InText(text, start);
        end = InText(text, end);
        int startLine = (int)start.Line;
        int startColumn = (int)start.Column;
        int endLine = (int)end.Line;
        int endColumn = (int)end.Column;
        if (endLine < startLine || (endLine == startLine && endColumn < startColumn))
        {
            endLine = startLine;
            endColumn = startColumn;
        }

        return new SourceSpan(path, (int)start.Index, (int)end.Index, startLine, startColumn, endLine, endColumn);
    }

    private static string CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (…): "; the location is
        // already in the diagnostic, so keep only the description.
        string message = ex.Message;
        int marker = message.IndexOf("): ", System.StringComparison.Ordinal);
        if (message.StartsWith("(", System.StringComparison.Ordinal) && marker >= 0)
        {
            message = message.Substring(marker + 3);
        }

        while (message.Contains("  "))
        {
            message = message.Replace("  ", " ");
        }

        return message.TrimEnd('.');
    }

    private sealed class TreeBuilder
    {
        private readonly string _path;
        private readonly string _text;
        private readonly YamlLimits _limits;
        private readonly List<RuleDiagnostic> _diagnostics;
        private readonly Stack<Frame> _stack = new();
        private int _nodes;
        private int _documents;

        public TreeBuilder(string path, string text, YamlLimits limits, List<RuleDiagnostic> diagnostics)
        {
            _path = path;
            _text = text;
            _limits = limits;
            _diagnostics = diagnostics;
        }

        public YamlNode? Root { get; private set; }

        /// <summary>The innermost [ ] or { } still open, if any.</summary>
        public Frame? OpenFlowCollection
        {
            get
            {
                foreach (var frame in _stack)
                {
                    if (frame.IsFlow)
                    {
                        return frame;
                    }
                }

                return null;
            }
        }

        public bool Accept(ParsingEvent evt)
        {
            switch (evt)
            {
                case StreamStart:
                case StreamEnd:
                case DocumentEnd:
                case Comment:
                    return true;
                case DocumentStart:
                    if (++_documents > 1)
                    {
                        return Fail(Descriptors.UnsupportedYaml, evt, "A rule file holds one YAML document; remove the '---' separator or split the file.");
                    }

                    return true;
                case AnchorAlias alias:
                    return Fail(Descriptors.UnsupportedYaml, evt, $"Alias '*{alias.Value}' is not supported in NvTrap files; write the value out.");
                case NodeEvent node when !node.Anchor.IsEmpty:
                    return Fail(Descriptors.UnsupportedYaml, evt, $"Anchor '&{node.Anchor}' is not supported in NvTrap files; write values out where they are used.");
                case NodeEvent node when !node.Tag.IsEmpty && node.Tag.Value != "!":
                    return Fail(Descriptors.UnsupportedYaml, evt, $"Tag '{node.Tag}' is not supported in NvTrap files; remove it.");
                case Scalar scalar:
                    if (scalar.Value.Length > _limits.MaxScalarChars)
                    {
                        return Fail(Descriptors.LimitExceeded, evt, Invariant($"Value is {scalar.Value.Length:N0} characters long; the limit is {_limits.MaxScalarChars:N0}."));
                    }

                    return Add(new YamlScalar(scalar.Value, StyleOf(scalar.Style), Span(_path, _text, evt.Start, evt.End), _text), evt);
                case SequenceStart:
                case MappingStart:
                    if (!Count(evt))
                    {
                        return false;
                    }

                    if (_stack.Count >= _limits.MaxDepth)
                    {
                        return Fail(Descriptors.LimitExceeded, evt, $"Nesting is deeper than {_limits.MaxDepth} levels; flatten the structure.");
                    }

                    bool flow = evt is MappingStart { Style: MappingStyle.Flow } || evt is SequenceStart { Style: SequenceStyle.Flow };
                    _stack.Push(new Frame(evt is MappingStart, flow, evt.Start));
                    return true;
                case SequenceEnd:
                case MappingEnd:
                    var frame = _stack.Pop();
                    var span = Span(_path, _text, frame.Start, evt.End);
                    YamlNode built = frame.IsMapping ? BuildMapping(frame, span) : new YamlSequence(frame.Items, span);
                    return AddBuilt(built);
                default:
                    return true;
            }
        }

        private static YamlNode BuildMapping(Frame frame, SourceSpan span)
        {
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>(frame.Items.Count / 2);
            for (int i = 0; i + 1 < frame.Items.Count; i += 2)
            {
                entries.Add(new KeyValuePair<YamlScalar, YamlNode>((YamlScalar)frame.Items[i], frame.Items[i + 1]));
            }

            return new YamlMapping(entries, span);
        }

        private bool Add(YamlNode node, ParsingEvent evt) => Count(evt) && AddBuilt(node);

        private bool AddBuilt(YamlNode node)
        {
            if (_stack.Count == 0)
            {
                Root = node;
                return true;
            }

            var parent = _stack.Peek();
            if (parent.IsMapping && parent.Items.Count % 2 == 0 && node is not YamlScalar)
            {
                _diagnostics.Add(Descriptors.UnsupportedYaml.Create(node.Span, "Mapping keys must be plain names, not lists or mappings."));
                return false;
            }

            parent.Items.Add(node);
            return true;
        }

        private bool Count(ParsingEvent evt)
        {
            if (++_nodes > _limits.MaxNodes)
            {
                return Fail(Descriptors.LimitExceeded, evt, Invariant($"Rule file has more than {_limits.MaxNodes:N0} YAML nodes; split it into several files."));
            }

            return true;
        }

        private bool Fail(RuleDiagnosticDescriptor descriptor, ParsingEvent evt, string message)
        {
            _diagnostics.Add(descriptor.Create(Span(_path, _text, evt.Start, evt.End), message));
            return false;
        }

        private static YamlScalarStyle StyleOf(ScalarStyle style) => style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal or ScalarStyle.Folded => YamlScalarStyle.Block,
            _ => YamlScalarStyle.Plain,
        };

        public sealed class Frame
        {
            public Frame(bool isMapping, bool isFlow, Mark start)
            {
                IsMapping = isMapping;
                IsFlow = isFlow;
                Start = start;
            }

            public bool IsMapping { get; }

            /// <summary>Written in brackets ([ ] or { }) rather than by indentation.</summary>
            public bool IsFlow { get; }

            public Mark Start { get; }

            public List<YamlNode> Items { get; } = new();
        }
    }
}
