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

        var parser = new Parser(new StringReader(text));
        var builder = new TreeBuilder(path, limits, diagnostics);
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
            var span = Span(path, ex.Start, ex.End);
            diagnostics.Add(Descriptors.YamlSyntax.Create(span, $"YAML syntax error: {CleanMessage(ex)}. Fix the YAML at this position."));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet (16.3 and 18.1 alike) throws bare exceptions from its scanner and parser
            // for some malformed input instead of a YamlException with a position:
            // InvalidOperationException for "a: [\nb]" (a flow collection continued on a line not
            // indented past its key), ArgumentException for a tag that is not a URI ("!!]") or is
            // empty ("!<>"), ArgumentOutOfRangeException for an escape beyond Unicode ("\UA0000000").
            // Each is still the input's fault: report it at the last node that was read.
            var span = Span(path, lastGood, lastGood);
            diagnostics.Add(Descriptors.YamlSyntax.Create(span,
                $"YAML syntax error after this point: the YAML parser could not read on ({ex.Message}). Check the indentation and brackets that follow; a [ ] or {{ }} continued on a new line must be indented more than its key."));
            return null;
        }

        return builder.Root;
    }

    /// <summary>Formats numbers the same on every machine, so the build and the CLI print identical text.</summary>
    private static string Invariant(System.FormattableString text) => System.FormattableString.Invariant(text);

    internal static SourceSpan Span(string path, Mark start, Mark end)
    {
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

        return message.TrimEnd('.');
    }

    private sealed class TreeBuilder
    {
        private readonly string _path;
        private readonly YamlLimits _limits;
        private readonly List<RuleDiagnostic> _diagnostics;
        private readonly Stack<Frame> _stack = new();
        private int _nodes;
        private int _documents;

        public TreeBuilder(string path, YamlLimits limits, List<RuleDiagnostic> diagnostics)
        {
            _path = path;
            _limits = limits;
            _diagnostics = diagnostics;
        }

        public YamlNode? Root { get; private set; }

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

                    return Add(new YamlScalar(scalar.Value, StyleOf(scalar.Style), Span(_path, evt.Start, evt.End)), evt);
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

                    _stack.Push(new Frame(evt is MappingStart, evt.Start));
                    return true;
                case SequenceEnd:
                case MappingEnd:
                    var frame = _stack.Pop();
                    var span = Span(_path, frame.Start, evt.End);
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
            _diagnostics.Add(descriptor.Create(Span(_path, evt.Start, evt.End), message));
            return false;
        }

        private static YamlScalarStyle StyleOf(ScalarStyle style) => style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal or ScalarStyle.Folded => YamlScalarStyle.Block,
            _ => YamlScalarStyle.Plain,
        };

        private sealed class Frame
        {
            public Frame(bool isMapping, Mark start)
            {
                IsMapping = isMapping;
                Start = start;
            }

            public bool IsMapping { get; }

            public Mark Start { get; }

            public List<YamlNode> Items { get; } = new();
        }
    }
}
