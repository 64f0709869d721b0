using System.Text;

namespace NvTrap.Compiler.Emitting;

/// <summary>A StringBuilder that tracks indentation, so the emitter reads like the code it writes.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>Writes a line at the current indentation; embedded newlines are indented too.</summary>
    public CodeWriter Line(string line = "")
    {
        foreach (var part in line.Split('\n'))
        {
            if (part.Length > 0)
            {
                _text.Append(' ', _indent * 4);
            }

            _text.Append(part).Append('\n');
        }

        return this;
    }

    /// <summary>Writes text at the current indentation without ending the line, for writers that build a line in pieces.</summary>
    public CodeWriter Start(string text)
    {
        _text.Append(' ', _indent * 4).Append(text);
        return this;
    }

    /// <summary>Appends to the line being written.</summary>
    public CodeWriter Append(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>Appends one character to the line being written.</summary>
    public CodeWriter Append(char text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>Ends the line being written.</summary>
    public CodeWriter End()
    {
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <c>/// &lt;summary&gt;</c> with the text escaped for XML, one comment line per line of text.</summary>
    public CodeWriter Summary(string text)
    {
        var lines = new System.Collections.Generic.List<string>(CSharpText.CommentLines(text));
        if (lines.Count == 1 && lines[0].Length <= 100)
        {
            return Line("/// <summary>" + CSharpText.Xml(lines[0]) + "</summary>");
        }

        Line("/// <summary>");
        foreach (var line in lines)
        {
            Line("/// " + CSharpText.Xml(line));
        }

        return Line("/// </summary>");
    }

    public CodeWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public CodeWriter Indent()
    {
        _indent++;
        return this;
    }

    public CodeWriter Outdent()
    {
        _indent--;
        return this;
    }

    public override string ToString() => _text.ToString();
}
