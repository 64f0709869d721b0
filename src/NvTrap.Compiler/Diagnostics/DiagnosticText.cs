using System.Globalization;
using System.Text;

namespace NvTrap.Compiler.Diagnostics;

/// <summary>
/// Rule text quoted in a diagnostic message. A message is one line wherever it is printed (the
/// build's <c>path(line,col): error NVT0xx: message</c>, an IDE's error list), so line breaks and
/// other control characters in quoted text are shown as escapes; and a quote of a long value
/// (an expression of thousands of terms, a name of 60,000 characters) is shortened to its start.
/// </summary>
internal static class DiagnosticText
{
    /// <summary>Quoted text longer than this is cut to its first characters and an ellipsis.</summary>
    public const int MaxQuoted = 100;

    /// <summary><paramref name="text"/> as a message quotes it: at most <see cref="MaxQuoted"/> characters, shortened with '…'.</summary>
    public static string Quote(string text) =>
        text.Length <= MaxQuoted ? text : text.Substring(0, char.IsHighSurrogate(text[MaxQuoted - 2]) ? MaxQuoted - 2 : MaxQuoted - 1) + "…";

    /// <summary>A message with every character that would end or disturb its line written as an escape (\n, \t, \u2028...).</summary>
    public static string OneLine(string message)
    {
        if (!NeedsEscape(message))
        {
            return message;
        }

        var text = new StringBuilder(message.Length + 16);
        foreach (char c in message)
        {
            switch (c)
            {
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (IsEscaped(c))
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

        return text.ToString();
    }

    private static bool NeedsEscape(string message)
    {
        foreach (char c in message)
        {
            if (IsEscaped(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Control characters (C0, DEL, C1 including NEL) and the line and paragraph separators.</summary>
    private static bool IsEscaped(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
