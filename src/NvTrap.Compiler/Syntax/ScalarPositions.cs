using System.Collections.Generic;
using System.Text;
using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// Where each character of a scalar's value was written in the file. A value is not its source
/// text: quotes, escapes (<c>\t</c>, <c>\u00A0</c>), doubled single quotes, folded line breaks and
/// the indentation of block scalars all make the two differ, so an offset in the value is mapped
/// by decoding the source as YAML does and recording where each value character came from. The
/// decoding is checked against the value the YAML parser produced: if they differ (a form this
/// decoder does not follow) the whole scalar is the location, which is never wrong, only coarse.
/// </summary>
internal sealed class ScalarPositions
{
    private readonly string _text;
    private readonly SourceSpan _span;
    private readonly int[]? _sourceIndex;

    /// <summary>The line and column of each file index of the scalar, from its start, counted once (see <see cref="Position"/>).</summary>
    private (int Line, int Column)[]? _positions;

    private ScalarPositions(string text, SourceSpan span, int[]? sourceIndex)
    {
        _text = text;
        _span = span;
        _sourceIndex = sourceIndex;
    }

    /// <summary>The positions of <paramref name="value"/>, the value of the scalar at <paramref name="span"/> in <paramref name="text"/>.</summary>
    public static ScalarPositions For(string text, SourceSpan span, YamlScalarStyle style, string value)
    {
        var decoder = new Decoder(text, span.StartOffset, span.EndOffset);
        bool decoded = style switch
        {
            YamlScalarStyle.DoubleQuoted => decoder.Flow('"'),
            YamlScalarStyle.SingleQuoted => decoder.Flow('\''),
            YamlScalarStyle.Plain => decoder.Flow(null),
            _ => decoder.Block(),
        };
        return new ScalarPositions(text, span, decoded && decoder.Value.ToString() == value ? decoder.Map.ToArray() : null);
    }

    /// <summary>
    /// The span of value characters [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>),
    /// from the first one's source to the last one's; the scalar's span when the value could not be mapped.
    /// </summary>
    public SourceSpan Locate(int offset, int length)
    {
        if (_sourceIndex is null || offset < 0 || offset >= _sourceIndex.Length - 1)
        {
            return _sourceIndex is not null && offset == _sourceIndex.Length - 1 ? At(_sourceIndex[offset], _sourceIndex[offset]) : _span;
        }

        int last = System.Math.Min(offset + System.Math.Max(1, length), _sourceIndex.Length - 1) - 1;
        int end = _sourceIndex[last + 1] > _sourceIndex[last] ? _sourceIndex[last + 1] : _sourceIndex[last] + 1;
        return At(_sourceIndex[offset], System.Math.Min(end, _span.EndOffset));
    }

    /// <summary>The span between two indices of the file, with lines and columns counted from the scalar's start as YAML counts them.</summary>
    private SourceSpan At(int start, int end)
    {
        var (startLine, startColumn) = Position(start);
        var (endLine, endColumn) = Position(end);
        return new SourceSpan(_span.Path, start, end, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>
    /// The line and column of file index <paramref name="index"/>, counted from the scalar's start.
    /// The expression parser locates every token, so the counting is done once per scalar, on
    /// first use, and each later position is looked up: counting from the start for each one made
    /// reading an expression quadratic in its length (seconds for one 64 KB value).
    /// </summary>
    private (int Line, int Column) Position(int index)
    {
        if (_positions is null)
        {
            int end = System.Math.Min(_span.EndOffset, _text.Length);
            var positions = new (int, int)[System.Math.Max(0, end - _span.StartOffset) + 1];
            int line = _span.StartLine;
            int column = _span.StartColumn;
            for (int i = _span.StartOffset; i < end; i++)
            {
                positions[i - _span.StartOffset] = (line, column);
                int breakLength = Decoder.BreakLength(_text, i);
                if (breakLength > 0)
                {
                    line++;
                    column = 1;

                    // The LF of a CR LF counts as the start of the next line, as it always has here.
                    if (breakLength == 2 && i + 1 < end)
                    {
                        positions[i + 1 - _span.StartOffset] = (line, column);
                    }

                    i += breakLength - 1;
                }
                else
                {
                    column++;
                }
            }

            positions[positions.Length - 1] = (line, column);
            _positions = positions;
        }

        int at = index - _span.StartOffset;
        return at <= 0 ? (_span.StartLine, _span.StartColumn) : _positions[System.Math.Min(at, _positions.Length - 1)];
    }

    /// <summary>Decodes a scalar's source as YAML does, recording for each value character the index of the source that gave it.</summary>
    private sealed class Decoder
    {
        private readonly string _text;
        private readonly int _end;
        private int _i;

        public Decoder(string text, int start, int end)
        {
            _text = text;
            _i = start;
            _end = System.Math.Min(end, text.Length);
        }

        public StringBuilder Value { get; } = new();

        /// <summary>For each value character its source index, then one entry for the end.</summary>
        public List<int> Map { get; } = new();

        /// <summary>Line breaks as YAML counts them: CR LF, CR, LF, NEL, LS, PS; 0 where there is none.</summary>
        public static int BreakLength(string text, int i) => text[i] switch
        {
            '\r' => i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1,
            '\n' or '\u0085' or '\u2028' or '\u2029' => 1,
            _ => 0,
        };

        /// <summary>A plain (<paramref name="quote"/> null), single- or double-quoted scalar: escapes, and line folding.</summary>
        public bool Flow(char? quote)
        {
            if (quote is not null)
            {
                if (_i >= _end || _text[_i] != quote)
                {
                    return false;
                }

                _i++;
            }

            while (_i < _end)
            {
                char c = _text[_i];
                if (quote is not null && c == quote)
                {
                    if (quote == '\'' && _i + 1 < _end && _text[_i + 1] == '\'')
                    {
                        Emit('\'', _i);
                        _i += 2;
                        continue;
                    }

                    return End();
                }

                if (quote == '"' && c == '\\')
                {
                    if (!Escape())
                    {
                        return false;
                    }

                    continue;
                }

                if (c is ' ' or '\t')
                {
                    int j = _i;
                    while (j < _end && _text[j] is ' ' or '\t')
                    {
                        j++;
                    }

                    if (j < _end && BreakLength(_text, j) > 0)
                    {
                        _i = j; // white space before a line break is not part of the value
                        continue;
                    }

                    while (_i < j)
                    {
                        Emit(_text[_i], _i);
                        _i++;
                    }

                    continue;
                }

                if (BreakLength(_text, _i) > 0)
                {
                    Fold();
                    continue;
                }

                Emit(c, _i);
                _i++;
            }

            return quote is null && End();
        }

        /// <summary>A line break inside a flow scalar: one becomes a space, each further (empty line) a line feed; the next line's indentation goes.</summary>
        private void Fold()
        {
            int at = _i;
            int breaks = 0;
            while (_i < _end && BreakLength(_text, _i) is > 0 and var length)
            {
                breaks++;
                _i += length;
                while (_i < _end && _text[_i] is ' ' or '\t')
                {
                    _i++;
                }
            }

            if (breaks == 1)
            {
                Emit(' ', at);
            }

            for (int b = 1; b < breaks; b++)
            {
                Emit('\n', at);
            }
        }

        private bool Escape()
        {
            int at = _i;
            if (_i + 1 >= _end)
            {
                return false;
            }

            char e = _text[_i + 1];
            if (BreakLength(_text, _i + 1) is > 0 and var length)
            {
                // An escaped line break joins the lines: no character, and the next line's indentation goes.
                _i += 1 + length;
                while (_i < _end && _text[_i] is ' ' or '\t')
                {
                    _i++;
                }

                return true;
            }

            char? simple = e switch
            {
                '0' => '\0', 'a' => '\a', 'b' => '\b', 't' or '\t' => '\t', 'n' => '\n', 'v' => '\v', 'f' => '\f', 'r' => '\r',
                'e' => '\u001B', ' ' => ' ', '"' => '"', '/' => '/', '\\' => '\\', 'N' => '\u0085', '_' => '\u00A0', 'L' => '\u2028', 'P' => '\u2029',
                _ => null,
            };
            if (simple is not null)
            {
                Emit(simple.Value, at);
                _i += 2;
                return true;
            }

            int digits = e switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => -1 };
            if (digits < 0 || _i + 2 + digits > _end || !uint.TryParse(_text.Substring(_i + 2, digits), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out uint code) || code > 0x10FFFF)
            {
                return false;
            }

            if (code >= 0x10000)
            {
                string pair = char.ConvertFromUtf32((int)code);
                Emit(pair[0], at);
                Emit(pair[1], at);
            }
            else
            {
                Emit((char)code, at);
            }

            _i += 2 + digits;
            return true;
        }

        /// <summary>A literal (|) or folded (>) block scalar with automatic indentation.</summary>
        public bool Block()
        {
            if (_i >= _end || _text[_i] is not ('|' or '>'))
            {
                return false;
            }

            bool folded = _text[_i] == '>';
            _i++;
            char chomp = ' ';
            while (_i < _end && _text[_i] is '+' or '-' or (>= '1' and <= '9'))
            {
                if (_text[_i] is >= '1' and <= '9')
                {
                    return false; // an explicit indentation: not followed here
                }

                chomp = _text[_i++];
            }

            // Skip the rest of the header line (spaces and a comment).
            while (_i < _end && BreakLength(_text, _i) == 0)
            {
                _i++;
            }

            var lines = new List<(int Start, int End, int Break)>();
            int indent = -1;
            while (_i < _end)
            {
                _i += BreakLength(_text, _i);
                int lineStart = _i;
                while (_i < _end && BreakLength(_text, _i) == 0)
                {
                    _i++;
                }

                int lineEnd = _i;
                int spaces = 0;
                while (lineStart + spaces < lineEnd && _text[lineStart + spaces] == ' ')
                {
                    spaces++;
                }

                if (indent < 0 && lineStart + spaces < lineEnd)
                {
                    indent = spaces;
                }

                lines.Add((lineStart, lineEnd, lineEnd));
            }

            if (indent < 0)
            {
                return Value.Length == 0 && End();
            }

            // Trailing lines that hold nothing but indentation are the chomped breaks.
            int content = lines.Count;
            while (content > 0 && lines[content - 1].Start + indent >= lines[content - 1].End)
            {
                content--;
            }

            for (int n = 0; n < content; n++)
            {
                var (start, end, lineBreak) = lines[n];
                int from = System.Math.Min(start + indent, end);
                for (int i = from; i < end; i++)
                {
                    Emit(_text[i], i);
                }

                if (n == content - 1)
                {
                    break;
                }

                bool empty = from >= end;
                bool nextEmpty = lines[n + 1].Start + indent >= lines[n + 1].End;
                bool moreIndented = !empty && _text[from] is ' ' or '\t';
                bool nextMoreIndented = !nextEmpty && _text[lines[n + 1].Start + indent] is ' ' or '\t';
                if (folded && !empty && !moreIndented && !nextMoreIndented)
                {
                    // Folding: a break between two text lines is a space; the empty lines between
                    // them give one line feed each.
                    int m = n + 1;
                    while (m < content && lines[m].Start + indent >= lines[m].End)
                    {
                        m++;
                    }

                    if (m < content && _text[lines[m].Start + indent] is not (' ' or '\t'))
                    {
                        if (m == n + 1)
                        {
                            Emit(' ', lineBreak);
                        }

                        for (int k = n + 1; k < m; k++)
                        {
                            Emit('\n', lines[k].Start);
                        }

                        n = m - 1;
                        continue;
                    }
                }

                Emit('\n', lineBreak);
            }

            if (chomp != '-' && content > 0)
            {
                Emit('\n', lines[content - 1].Break);
                if (chomp == '+')
                {
                    for (int k = content; k < lines.Count - 1; k++)
                    {
                        Emit('\n', lines[k].Break);
                    }
                }
            }

            return End();
        }

        private bool End()
        {
            Map.Add(_i);
            return true;
        }

        private void Emit(char c, int source)
        {
            Value.Append(c);
            Map.Add(source);
        }
    }
}
