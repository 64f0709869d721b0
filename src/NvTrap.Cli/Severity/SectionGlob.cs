using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NvTrap.Cli.Severity;

/// <summary>
/// An .editorconfig section name as a matcher of paths relative to the config's folder, as the
/// editorconfig rules (and Roslyn) read it: a name without <c>/</c> matches a file name in any
/// folder below; a name with one is anchored at the config's folder. <c>*</c> is any run of
/// characters but <c>/</c>, <c>**</c> any run, <c>?</c> one character, <c>[abc]</c> and
/// <c>[!abc]</c> a class, <c>{a,b}</c> alternatives, <c>{1..3}</c> an integer range, and <c>\</c>
/// escapes the next character.
/// </summary>
internal sealed class SectionGlob
{
    private readonly Regex _regex;
    private readonly List<(int Min, int Max)> _ranges;

    private SectionGlob(Regex regex, List<(int Min, int Max)> ranges)
    {
        _regex = regex;
        _ranges = ranges;
    }

    /// <summary>The matcher for a section name, or null when the name is not a glob this reads (a section that then matches nothing).</summary>
    public static SectionGlob? TryCreate(string sectionName)
    {
        var pattern = new StringBuilder("^");
        if (!sectionName.Contains('/'))
        {
            pattern.Append(".*/");
        }
        else if (sectionName[0] != '/')
        {
            pattern.Append('/');
        }

        var ranges = new List<(int, int)>();
        int index = 0;
        if (!Translate(sectionName, ref index, pattern, ranges, inBraces: false) || index != sectionName.Length)
        {
            return null;
        }

        pattern.Append('$');
        return new SectionGlob(new Regex(pattern.ToString(), RegexOptions.CultureInvariant), ranges);
    }

    /// <summary>Whether the path, relative to the config's folder and starting with '/', matches.</summary>
    public bool IsMatch(string relativePath)
    {
        var match = _regex.Match(relativePath);
        if (!match.Success)
        {
            return false;
        }

        for (int i = 0; i < _ranges.Count; i++)
        {
            if (!int.TryParse(match.Groups[i + 1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number)
                || number < _ranges[i].Min || number > _ranges[i].Max)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Translate(string glob, ref int i, StringBuilder pattern, List<(int, int)> ranges, bool inBraces)
    {
        while (i < glob.Length)
        {
            char c = glob[i];
            switch (c)
            {
                case '*':
                    if (i + 1 < glob.Length && glob[i + 1] == '*')
                    {
                        pattern.Append(".*");
                        i += 2;
                    }
                    else
                    {
                        pattern.Append("[^/]*");
                        i++;
                    }

                    break;
                case '?':
                    pattern.Append("[^/]");
                    i++;
                    break;
                case '\\':
                    if (i + 1 >= glob.Length)
                    {
                        return false;
                    }

                    pattern.Append(Regex.Escape(glob[i + 1].ToString()));
                    i += 2;
                    break;
                case '[':
                    int close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        pattern.Append(@"\[");
                        i++;
                        break;
                    }

                    string set = glob[(i + 1)..close];
                    bool negated = set.StartsWith('!');
                    if (negated)
                    {
                        set = set[1..];
                    }

                    pattern.Append(negated ? "[^" : "[").Append(set.Replace(@"\", @"\\").Replace("[", @"\[")).Append(']');
                    i = close + 1;
                    break;
                case '{':
                    if (TryRange(glob, ref i, pattern, ranges))
                    {
                        break;
                    }

                    i++;
                    pattern.Append("(?:");
                    while (true)
                    {
                        if (!Translate(glob, ref i, pattern, ranges, inBraces: true) || i >= glob.Length)
                        {
                            return false;
                        }

                        if (glob[i] == '}')
                        {
                            i++;
                            pattern.Append(')');
                            break;
                        }

                        pattern.Append('|');
                        i++;
                    }

                    break;
                case ',' or '}' when inBraces:
                    return true;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    i++;
                    break;
            }
        }

        return !inBraces;
    }

    /// <summary><c>{n..m}</c>: an integer between n and m, checked after the match.</summary>
    private static bool TryRange(string glob, ref int i, StringBuilder pattern, List<(int, int)> ranges)
    {
        int close = glob.IndexOf('}', i);
        if (close < 0)
        {
            return false;
        }

        var match = Regex.Match(glob[(i + 1)..close], @"^(-?\d+)\.\.(-?\d+)$");
        if (!match.Success
            || !int.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int first)
            || !int.TryParse(match.Groups[2].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int second))
        {
            return false;
        }

        ranges.Add((System.Math.Min(first, second), System.Math.Max(first, second)));
        pattern.Append("(-?[0-9]+)");
        i = close + 1;
        return true;
    }
}
