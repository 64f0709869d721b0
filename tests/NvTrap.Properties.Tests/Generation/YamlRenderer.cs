using System.Globalization;
using System.Text;

namespace NvTrap.Properties.Tests.Generation;

/// <summary>
/// Writes a <see cref="YamlTree"/> in randomly chosen but equivalent YAML: block or flow
/// collections, indentless sequences, plain, single- or double-quoted scalars (with escapes),
/// literal and folded block scalars, comments in any script, CR LF or LF line ends. Every choice
/// keeps the document's meaning, so a ruleset is valid however it is written.
/// </summary>
internal sealed class YamlRenderer
{
    private static readonly string[] Comments =
    {
        "note", "Ünïcödé kommentar", "注释 コメント", "𝒳𝒴𝒵 outside the BMP 😀", "\"quotes\" and 'apostrophes' # hash", "ends in a backslash \\", "tab\there",
    };

    private readonly Draw _draw;
    private readonly StringBuilder _text = new();
    private readonly int _step;

    public YamlRenderer(Draw draw)
    {
        _draw = draw;
        _step = draw.OneIn(4) ? draw.Between(1, 4) : 2;
    }

    /// <summary>The document: a block mapping at the top, with the chosen line ends.</summary>
    public string Render(YamlMap document)
    {
        if (_draw.OneIn(8))
        {
            _text.Append("# ").Append(_draw.Pick(Comments)).Append('\n');
        }

        if (_draw.OneIn(10))
        {
            _text.Append("---\n");
        }

        BlockMap(document, 0);
        string text = _text.ToString();
        if (_draw.OneIn(4))
        {
            text = text.Replace("\n", "\r\n");
        }

        if (_draw.OneIn(6))
        {
            text = text.TrimEnd('\n', '\r');
        }

        return text;
    }

    private void BlockMap(YamlMap map, int indent)
    {
        foreach (var (key, value) in map.Entries)
        {
            _text.Append(' ', indent);
            Entry(key, value, indent);
        }
    }

    /// <summary>One "key: value" at the current position, the value in any style that fits.</summary>
    private void Entry(YamlText key, YamlTree value, int indent)
    {
        _text.Append(Scalar(key, flow: false)).Append(':');
        switch (value)
        {
            case YamlText text when text.Kind == ScalarKind.Text && _draw.OneIn(4):
                BlockScalar(text.Value, indent);
                return;
            case YamlText text:
                _text.Append(' ').Append(Scalar(text, flow: false));
                EndLine();
                return;
            case YamlMap { Entries.Count: 0 }:
            case YamlList { Items.Count: 0 }:
                _text.Append(' ');
                Flow(value);
                EndLine();
                return;
            case YamlMap nested when _draw.OneIn(3):
                _text.Append(' ');
                Flow(nested);
                EndLine();
                return;
            case YamlMap nested:
                EndLine();
                BlockMap(nested, indent + _step);
                return;
            case YamlList list when _draw.OneIn(3):
                _text.Append(' ');
                Flow(list);
                EndLine();
                return;
            case YamlList list:
                EndLine();
                BlockList(list, _draw.OneIn(4) ? indent : indent + _step);
                return;
        }
    }

    private void BlockList(YamlList list, int indent)
    {
        foreach (var item in list.Items)
        {
            _text.Append(' ', indent).Append('-');
            switch (item)
            {
                case YamlMap { Entries.Count: > 0 } map when _draw.OneIn(2):
                    // A compact mapping: the first entry on the dash's line, the rest under it.
                    int inner = indent + 1 + _step;
                    _text.Append(' ', inner - indent - 1);
                    for (int i = 0; i < map.Entries.Count; i++)
                    {
                        if (i > 0)
                        {
                            _text.Append(' ', inner);
                        }

                        Entry(map.Entries[i].Key, map.Entries[i].Value, inner);
                    }

                    break;
                default:
                    _text.Append(' ');
                    if (item is YamlText text)
                    {
                        _text.Append(Scalar(text, flow: false));
                    }
                    else
                    {
                        Flow(item);
                    }

                    EndLine();
                    break;
            }
        }
    }

    private void Flow(YamlTree node)
    {
        string space = _draw.OneIn(4) ? string.Empty : " ";
        switch (node)
        {
            case YamlText text:
                _text.Append(Scalar(text, flow: true));
                break;
            case YamlMap map:
                _text.Append('{').Append(map.Entries.Count > 0 ? space : string.Empty);
                for (int i = 0; i < map.Entries.Count; i++)
                {
                    if (i > 0)
                    {
                        _text.Append(',').Append(_draw.OneIn(5) ? string.Empty : " ");
                    }

                    _text.Append(Scalar(map.Entries[i].Key, flow: true)).Append(": ");
                    Flow(map.Entries[i].Value);
                }

                _text.Append(map.Entries.Count > 0 ? space : string.Empty).Append('}');
                break;
            case YamlList list:
                _text.Append('[');
                for (int i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        _text.Append(',').Append(_draw.OneIn(5) ? string.Empty : " ");
                    }

                    Flow(list.Items[i]);
                }

                _text.Append(']');
                break;
        }
    }

    private void EndLine()
    {
        if (_draw.OneIn(12))
        {
            _text.Append(' ', 1 + _draw.Below(3)).Append("# ").Append(_draw.Pick(Comments));
        }

        _text.Append('\n');
        if (_draw.OneIn(20))
        {
            _text.Append(_draw.Coin() ? "\n" : "# " + _draw.Pick(Comments) + "\n");
        }
    }

    /// <summary>A literal (|) or folded (>) block scalar, its text broken at spaces onto indented lines.</summary>
    private void BlockScalar(string value, int indent)
    {
        bool literal = _draw.Coin();
        _text.Append(' ').Append(literal ? '|' : '>').Append(_draw.Pick(new[] { string.Empty, "-", "+" }));
        EndLineBare();
        int deeper = indent + 1 + _draw.Below(4);
        var words = value.Split(' ');
        var line = new StringBuilder();
        foreach (string word in words)
        {
            if (line.Length > 0 && line.Length + word.Length > 40 && _draw.OneIn(2))
            {
                _text.Append(' ', deeper).Append(line).Append('\n');
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        _text.Append(' ', deeper).Append(line).Append('\n');
    }

    private void EndLineBare() => _text.Append('\n');

    private string Scalar(YamlText text, bool flow)
    {
        switch (text.Kind)
        {
            case ScalarKind.Plain:
                return text.Value;
            case ScalarKind.Name when CanBePlain(text.Value, flow) && !_draw.OneIn(6):
                return text.Value;
            default:
                return _draw.OneIn(3) ? SingleQuoted(text.Value) : DoubleQuoted(text.Value);
        }
    }

    /// <summary>A name written plain reads as itself: not YAML's null, not starting with an indicator.</summary>
    private static bool CanBePlain(string value, bool flow) =>
        value.Length > 0
        && value is not ("null" or "Null" or "NULL" or "~")
        && !value.StartsWith('@')
        && value.All(c => char.IsLetterOrDigit(c) || c == '_' || char.IsSurrogate(c) || (!flow && c is '.' or '+' or '-'))
        && !char.IsDigit(value[0]);

    private static string SingleQuoted(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>Double-quoted, with some characters written as escapes that read back as themselves.</summary>
    private string DoubleQuoted(string value)
    {
        var text = new StringBuilder("\"");
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && _draw.OneIn(3))
            {
                text.Append("\\U").Append(char.ConvertToUtf32(c, value[i + 1]).ToString("X8", CultureInfo.InvariantCulture));
                i++;
            }
            else if (char.IsLetter(c) && _draw.OneIn(12))
            {
                text.Append(c < 0x100 && _draw.Coin() ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else if (c == ' ' && _draw.OneIn(8))
            {
                text.Append(_draw.Pick(new[] { "\\t", "\\ ", "\\_" }));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }
}
