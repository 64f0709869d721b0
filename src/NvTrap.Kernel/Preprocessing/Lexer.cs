using System.Collections.Generic;
using System.Text;
using NvTrap.Kernel.Diagnostics;

namespace NvTrap.Kernel.Preprocessing;

/// <summary>
/// Splits C source into preprocessing tokens. Backslash-newline joins lines (a directive
/// continues), comments become white space (a newline inside a block comment does not end a
/// directive), and each token records whether it begins a logical line. Unterminated literals end
/// at the line's end instead of failing: text in skipped #if branches (assembly, prose) must
/// still lex.
/// </summary>
internal static class Lexer
{
    private static readonly string[] Punctuators =
    {
        "...", "<<=", ">>=", "##", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "->", "++", "--",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    };

    public static List<Token> Lex(string path, string text, int firstIndex = 0)
    {
        var tokens = new List<Token>();
        int i = 0, line = 1, col = 1;
        bool startsLine = true, space = false;

        void Advance(int count)
        {
            for (int k = 0; k < count && i < text.Length; k++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    col = 1;
                }
                else
                {
                    col++;
                }

                i++;
            }
        }

        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && (text[i + 1] == '\n' || (text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n')))
            {
                Advance(text[i + 1] == '\r' ? 3 : 2);
                space = true;
                continue;
            }

            if (c == '\n')
            {
                // A new line separates tokens as white space does (for spellings), and may start a directive.
                Advance(1);
                startsLine = true;
                space = true;
                continue;
            }

            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
            {
                Advance(1);
                space = true;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int end = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                Advance(end < 0 ? text.Length - i : end + 2 - i);
                space = true;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    // A line comment ending in a backslash continues onto the next line.
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        Advance(2);
                        continue;
                    }

                    Advance(1);
                }

                space = true;
                continue;
            }

            var location = new SourceLocation(path, line, col);
            int start = i;
            TokenKind kind;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    Advance(1);
                }

                kind = TokenKind.Identifier;
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.'))
                {
                    Advance(1);
                }

                kind = TokenKind.Number;
            }
            else if (c == '"' || c == '\'')
            {
                Advance(1);
                while (i < text.Length && text[i] != c && text[i] != '\n')
                {
                    Advance(text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n' ? 2 : 1);
                }

                if (i < text.Length && text[i] == c)
                {
                    Advance(1);
                }

                kind = c == '"' ? TokenKind.String : TokenKind.Character;
            }
            else
            {
                string? punctuator = null;
                foreach (string p in Punctuators)
                {
                    if (string.CompareOrdinal(text, i, p, 0, p.Length) == 0)
                    {
                        punctuator = p;
                        break;
                    }
                }

                if (punctuator is not null)
                {
                    Advance(punctuator.Length);
                    kind = TokenKind.Punctuator;
                }
                else
                {
                    Advance(1);
                    kind = "{}[]()<>;:,.?!~+-*/%^&|=#".IndexOf(c) >= 0 ? TokenKind.Punctuator : TokenKind.Other;
                }
            }

            int index = firstIndex + tokens.Count;
            tokens.Add(new Token(kind, text.Substring(start, i - start), location, startsLine, space, index, index));
            startsLine = false;
            space = false;
        }

        return tokens;
    }

    /// <summary>The spelling of a token sequence, with single spaces where the source had white space.</summary>
    public static string Spell(IEnumerable<Token> tokens)
    {
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            if (text.Length > 0 && token.LeadingSpace)
            {
                text.Append(' ');
            }

            text.Append(token.Text);
        }

        return text.ToString();
    }

    /// <summary>How many characters of source a message quotes before cutting it short.</summary>
    public const int MaxQuotedChars = 120;

    /// <summary>
    /// Tokens spelled for a message: cut after <see cref="MaxQuotedChars"/> characters with "...",
    /// so a hostile 100,000-token line gives a readable one-line diagnostic.
    /// </summary>
    public static string Quote(IEnumerable<Token> tokens)
    {
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            if (text.Length > 0 && token.LeadingSpace)
            {
                text.Append(' ');
            }

            text.Append(token.Text);
            if (text.Length > MaxQuotedChars)
            {
                return text.ToString(0, MaxQuotedChars) + "...";
            }
        }

        return text.ToString();
    }
}
