using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NvTrap.Compiler.Emitting;

/// <summary>
/// Rule text made safe for C#: string literals, XML doc comments, comment lines and identifiers.
/// Every piece of user text that reaches generated code goes through here, so a name or an
/// expression can never break out of the literal or comment it is written in.
/// </summary>
internal static class CSharpText
{
    /// <summary>A regular C# string literal; every character that could end a line or the literal is escaped.</summary>
    public static string StringLiteral(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    // Surrogates are escaped one by one: a pair escaped as two \u escapes is the same string.
                    if (c < ' ' || IsLineBreak(c) || char.IsSurrogate(c) || c == '\u007F')
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>Text escaped for an XML doc comment (the caller splits lines first).</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Splits text into the lines a <c>//</c> or <c>///</c> comment may hold: at every character C#
    /// treats as a line break (CR, LF, NEL, LS, PS), with other control characters shown escaped,
    /// so no text can end the comment early and turn into code.
    /// </summary>
    public static IEnumerable<string> CommentLines(string text)
    {
        var line = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c == '\n' || c == '\r' || IsLineBreak(c))
            {
                yield return line.ToString();
                line.Clear();
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                line.Append(c).Append(text[++i]);
            }
            else if ((c < ' ' && c != '\t') || c == '\u007F' || char.IsSurrogate(c))
            {
                line.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                line.Append(c);
            }
        }

        yield return line.ToString();
    }

    /// <summary>Text for a one-line <c>//</c> comment: line breaks become spaces.</summary>
    public static string OneLine(string text) => string.Join(" ", CommentLines(text));

    /// <summary>A ulong literal in hex.</summary>
    public static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "UL";

    /// <summary>
    /// An identifier, with <c>@</c> when it is a C# keyword (rule names are ASCII identifiers).
    /// Contextual keywords (<c>var</c>, <c>value</c>, <c>field</c>, <c>record</c>...) need none where
    /// generated code declares or qualifies names.
    /// </summary>
    public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

    /// <summary>Characters C# ends a line at besides CR and LF: next line, line separator, paragraph separator.</summary>
    private static bool IsLineBreak(char c) => c is '\u0085' or '\u2028' or '\u2029';

    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",

        // Undocumented, but keywords to the C# compiler all the same.
        "__arglist", "__makeref", "__reftype", "__refvalue",
    };
}
