using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NvTrap.Properties.Tests.Generation;

namespace NvTrap.Properties.Tests.Mutation;

/// <summary>
/// Mutations of a rule file's text: drop, duplicate, retype or swap a YAML node; perturb a number
/// or a name; delete, duplicate, swap or re-indent a line; cut the text short, delete a stretch,
/// or insert characters YAML and the rule language treat specially (quotes, brackets, tabs,
/// anchors, NUL, separators, byte order marks, lone surrogates). One to three in a row.
/// </summary>
internal static partial class Mutator
{
    private static readonly string[] Retypes =
    {
        "[]", "{}", "~", "''", "\"\"", "[1, 2]", "{ a: 1 }", "x", "0", "-1", "true", "1.5", "!!str x", "&a x", "*a", "? x", "- x", "null",
        "0x1_0000_0000_0000_0000", "18446744073709551616", "\"\\u0000\"", "[[63, 0]]", "S3_0_C1_C0_0", "[3, 0, 1, 0, 0]", "\"R[64]\"", "\"(((\"", "|\n  x",
    };

    private static readonly string[] Inserts =
    {
        "\t", "\"", "'", "[", "]", "{", "}", ":", ": ", "#", "&", "*", "!", "|", ">", "%", "@", "`", ",", "-", "? ", "\0", "\u2028", "\u0085",
        "\uFEFF", "\uD800", "\uDC00", "\r", "\n", "\r\n", "  ", "é", "𝒳", "<<: *a", "---\n", "...\n", "\\", "0x", "_", "..", "<n>",
    };

    private static readonly string[] Numbers =
    {
        "0", "1", "-1", "63", "64", "65", "15", "16", "7", "8", "3", "4", "1023", "1024", "65535", "65536", "18446744073709551615",
        "18446744073709551616", "0xFFFF_FFFF_FFFF_FFFF", "0x1_0000_0000_0000_0000", "0b", "0x", "1_", "_1", "00", "9999999999999999999999", "1.0", "1e3",
    };

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(0[xX][0-9A-Fa-f_]+|0[bB][01_]+|[0-9][0-9_]*)(?![A-Za-z0-9_])")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex NamePattern();

    public static (string Text, List<string> Steps) Mutate(Draw draw, string text)
    {
        var steps = new List<string>();
        int count = draw.OneIn(3) ? draw.Between(2, 3) : 1;
        for (int i = 0; i < count; i++)
        {
            (text, string step) = Once(draw, text);
            steps.Add(step);
        }

        return (text, steps);
    }

    private static (string, string) Once(Draw draw, string text)
    {
        switch (draw.Below(10))
        {
            case 0:
            case 1:
            case 2:
            case 3:
                var nodes = NodeSpans.Of(text);
                return nodes.Count > 0 ? Node(draw, text, nodes) : Characters(draw, text);
            case 4:
                return Number(draw, text);
            case 5:
                return Name(draw, text);
            case 6:
            case 7:
                return Line(draw, text);
            default:
                return Characters(draw, text);
        }
    }

    private static (string, string) Node(Draw draw, string text, IReadOnlyList<NodeSpan> nodes)
    {
        var node = draw.Pick(nodes);
        string body = text[node.Start..node.End];
        switch (draw.Below(4))
        {
            case 0:
                return (text.Remove(node.Start, node.End - node.Start), $"drop node at {node.Start}");
            case 1:
                string separator = node.InFlow ? ", " : "\n" + new string(' ', Math.Max(0, node.Column - 1));
                return (text.Insert(node.End, separator + body), $"duplicate node at {node.Start}");
            case 2:
                string replacement = draw.Pick(Retypes);
                return (text.Remove(node.Start, node.End - node.Start).Insert(node.Start, replacement), $"retype node at {node.Start} to {replacement}");
            default:
                var other = draw.Pick(nodes);
                if (other.End <= node.Start || other.Start >= node.End)
                {
                    var (first, second) = other.Start < node.Start ? (other, node) : (node, other);
                    string a = text[first.Start..first.End], b = text[second.Start..second.End];
                    return (text[..first.Start] + b + text[first.End..second.Start] + a + text[second.End..], $"swap nodes at {first.Start} and {second.Start}");
                }

                return (text.Remove(node.Start, node.End - node.Start), $"drop node at {node.Start}");
        }
    }

    private static (string, string) Number(Draw draw, string text)
    {
        var matches = NumberPattern().Matches(text);
        if (matches.Count == 0)
        {
            return Characters(draw, text);
        }

        var match = matches[draw.Below(matches.Count)];
        string replacement = draw.Coin() ? draw.Pick(Numbers)
            : Generation.NumberText.Spell(draw, ulong.TryParse(match.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong v) ? v + (ulong)draw.Between(-1, 1) : draw.Value());
        return (text.Remove(match.Index, match.Length).Insert(match.Index, replacement), $"number at {match.Index} to {replacement}");
    }

    private static (string, string) Name(Draw draw, string text)
    {
        var matches = NamePattern().Matches(text);
        if (matches.Count == 0)
        {
            return Characters(draw, text);
        }

        var match = matches[draw.Below(matches.Count)];
        string name = match.Value;
        string replacement = draw.Below(7) switch
        {
            0 when name.Length > 1 => Swapped(draw, name),
            1 => name.ToUpperInvariant() == name ? name.ToLowerInvariant() : name.ToUpperInvariant(),
            2 => matches[draw.Below(matches.Count)].Value,
            3 => draw.Pick(HostileNames.Keywords.Concat(HostileNames.GeneratedMembers).Concat(HostileNames.ExpressionWords).ToArray()),
            4 => draw.Pick(HostileNames.Unicode),
            5 => name[..draw.Below(name.Length)],
            _ => name + new string('x', draw.OneIn(4) ? 300 : draw.Between(1, 3)),
        };
        return (text.Remove(match.Index, match.Length).Insert(match.Index, replacement), $"name at {match.Index} to {(replacement.Length > 40 ? replacement[..40] + "..." : replacement)}");
    }

    private static string Swapped(Draw draw, string name)
    {
        int i = draw.Below(name.Length - 1);
        var chars = name.ToCharArray();
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }

    private static (string, string) Line(Draw draw, string text)
    {
        var lines = text.Split('\n').ToList();
        int i = draw.Below(lines.Count);
        switch (draw.Below(4))
        {
            case 0:
                lines.RemoveAt(i);
                return (string.Join('\n', lines), $"delete line {i + 1}");
            case 1:
                lines.Insert(i, lines[i]);
                return (string.Join('\n', lines), $"duplicate line {i + 1}");
            case 2:
                int j = draw.Below(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return (string.Join('\n', lines), $"swap lines {i + 1} and {j + 1}");
            default:
                int shift = draw.Between(-3, 3);
                lines[i] = shift >= 0 ? new string(' ', shift) + lines[i] : lines[i].TrimStart(' ').PadLeft(Math.Max(0, lines[i].Length - lines[i].TrimStart(' ').Length + shift) + lines[i].TrimStart(' ').Length);
                return (string.Join('\n', lines), $"indent line {i + 1} by {shift}");
        }
    }

    private static (string, string) Characters(Draw draw, string text)
    {
        int at = draw.Below(text.Length + 1);
        switch (draw.Below(3))
        {
            case 0:
                return (text[..at], $"cut at {at}");
            case 1:
                int length = Math.Min(text.Length - at, draw.OneIn(4) ? draw.Between(1, 400) : draw.Between(1, 8));
                return (text.Remove(at, length), $"delete {length} at {at}");
            default:
                var insert = new StringBuilder();
                for (int k = draw.Between(1, 3); k > 0; k--)
                {
                    insert.Append(draw.Pick(Inserts));
                }

                return (text.Insert(at, insert.ToString()), $"insert {Escape(insert.ToString())} at {at}");
        }
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
