using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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

    /// <summary>
    /// Writes <c>prefix new byte[] { ... }suffix</c>, <paramref name="perLine"/> values to a line
    /// once there is more than one line. Digits go straight into the text: a large ruleset's
    /// tables are megabytes, and a string per byte or per line made emitting them the
    /// generator's largest cost.
    /// </summary>
    public CodeWriter ByteArray(string prefix, IEnumerable<byte> bytes, int perLine, string suffix = ";")
    {
        var values = bytes as IReadOnlyList<byte> ?? bytes.ToList();
        _text.Append(' ', _indent * 4).Append(prefix);
        if (values.Count <= perLine)
        {
            _text.Append(values.Count == 0 ? "new byte[] {" : "new byte[] { ");
            AppendValues(values, 0, values.Count);
            _text.Append(" }").Append(suffix).Append('\n');
            return this;
        }

        _text.Append("new byte[]\n").Append(' ', (_indent * 4) + 4).Append("{\n");
        for (int start = 0; start < values.Count; start += perLine)
        {
            _text.Append(' ', (_indent * 4) + 8);
            AppendValues(values, start, System.Math.Min(perLine, values.Count - start));
            _text.Append(",\n");
        }

        _text.Append(' ', (_indent * 4) + 4).Append('}').Append(suffix).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    private static readonly string[] DecimalBytes = Enumerable.Range(0, 256).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private void AppendValues(IReadOnlyList<byte> values, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            if (i > start)
            {
                _text.Append(", ");
            }

            _text.Append(DecimalBytes[values[i]]);
        }
    }
}
