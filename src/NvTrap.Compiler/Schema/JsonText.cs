using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NvTrap.Compiler.Schema;

/// <summary>
/// Writes a <see cref="OrderedJsonObject"/> as indented JSON with '\n' line ends. Arrays of plain values
/// stay on one line, so an enum or a required list is read at a glance and diffs stay small.
/// Every character outside printable ASCII is escaped, so the text is the same bytes everywhere.
/// </summary>
internal static class JsonText
{
    public static string Write(OrderedJsonObject value)
    {
        var text = new StringBuilder();
        WriteValue(text, value, 0);
        return text.Append('\n').ToString();
    }

    private static void WriteValue(StringBuilder text, object value, int depth)
    {
        switch (value)
        {
            case string s:
                WriteString(text, s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case int i:
                text.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case OrderedJsonObject o:
                WriteObject(text, o, depth);
                break;
            case object[] items:
                WriteArray(text, items, depth);
                break;
            default:
                throw new ArgumentException($"JSON cannot hold a {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteObject(StringBuilder text, OrderedJsonObject value, int depth)
    {
        if (value.Members.Count == 0)
        {
            text.Append("{}");
            return;
        }

        text.Append("{\n");
        for (int i = 0; i < value.Members.Count; i++)
        {
            Indent(text, depth + 1);
            WriteString(text, value.Members[i].Key);
            text.Append(": ");
            WriteValue(text, value.Members[i].Value, depth + 1);
            text.Append(i + 1 < value.Members.Count ? ",\n" : "\n");
        }

        Indent(text, depth);
        text.Append('}');
    }

    private static void WriteArray(StringBuilder text, object[] items, int depth)
    {
        bool flat = Array.TrueForAll(items, item => item is not OrderedJsonObject and not object[]);
        text.Append(flat || items.Length == 0 ? "[" : "[\n");
        for (int i = 0; i < items.Length; i++)
        {
            if (!flat)
            {
                Indent(text, depth + 1);
            }

            WriteValue(text, items[i], depth + 1);
            if (i + 1 < items.Length)
            {
                text.Append(flat ? ", " : ",\n");
            }
        }

        if (!flat && items.Length > 0)
        {
            text.Append('\n');
            Indent(text, depth);
        }

        text.Append(']');
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private static void Indent(StringBuilder text, int depth) => text.Append(' ', depth * 2);
}
