using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace NvTrap.Cli.DiagnosticPages;

/// <summary>
/// A diagnostic page's Markdown as plain text for a terminal: headings underlined (= for the
/// title, - for sections), code blocks kept line for line and indented four spaces, tables as
/// aligned columns, and inline marks removed — **bold** and `code` keep their words, a link
/// keeps its text, followed by its address unless it is another diagnostic's page (named by its
/// id already). Lines are not re-wrapped: the pages are written at under 100 columns.
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>Renders <paramref name="markdown"/>; relative links resolve against <paramref name="pageUrl"/> (the page's own address).</summary>
    public static string Render(string markdown, string pageUrl)
    {
        var lines = markdown.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var output = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                {
                    output.Append(lines[i].Length == 0 ? string.Empty : "    " + lines[i]).Append('\n');
                }

                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                string text = Inline(heading.Groups[2].Value, pageUrl);
                output.Append(text).Append('\n');
                output.Append(new string(heading.Groups[1].Length == 1 ? '=' : '-', text.Length)).Append('\n');
                continue;
            }

            if (line.StartsWith('|'))
            {
                var rows = new List<string>();
                for (; i < lines.Length && lines[i].StartsWith('|'); i++)
                {
                    rows.Add(lines[i]);
                }

                i--;
                Table(output, rows, pageUrl);
                continue;
            }

            output.Append(Inline(line, pageUrl)).Append('\n');
        }

        return output.ToString();
    }

    private static void Table(StringBuilder output, List<string> rows, string pageUrl)
    {
        var cells = rows
            .Where(row => !TableRule().IsMatch(row))
            .Select(row => row.Trim().Trim('|').Split('|').Select(cell => Inline(cell.Trim(), pageUrl)).ToArray())
            .ToList();
        int columns = cells.Max(row => row.Length);
        var widths = Enumerable.Range(0, columns).Select(c => cells.Max(row => c < row.Length ? row[c].Length : 0)).ToArray();
        for (int r = 0; r < cells.Count; r++)
        {
            output.Append("  ").Append(string.Join("  ", cells[r].Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
            if (r == 0 && cells.Count > 1)
            {
                output.Append("  ").Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            }
        }
    }

    /// <summary>Removes inline marks: links keep their text (and address), bold and code spans their words.</summary>
    private static string Inline(string text, string pageUrl)
    {
        // Code spans first, so marks inside them stay literal; their text is put back last.
        var spans = new List<string>();
        text = CodeSpan().Replace(text, m =>
        {
            spans.Add(m.Groups[1].Value);
            return $"\u0000{spans.Count - 1}\u0000";
        });
        text = Link().Replace(text, m => LinkText(m.Groups[1].Value, m.Groups[2].Value, pageUrl));
        text = text.Replace("**", string.Empty, StringComparison.Ordinal);
        return Placeholder().Replace(text, m => spans[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private static string LinkText(string text, string target, string pageUrl)
    {
        if (DiagnosticPage().IsMatch(target))
        {
            string id = target[..^".md".Length];
            return text.Contains(id, StringComparison.Ordinal) ? text : $"{text} ({id})";
        }

        string address = Uri.TryCreate(target, UriKind.Absolute, out var absolute) ? absolute.ToString() : new Uri(new Uri(pageUrl), target).ToString();
        return $"{text} ({address})";
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex("\u0000(\\d+)\u0000")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^NVT\d{3}\.md$")]
    private static partial Regex DiagnosticPage();
}
