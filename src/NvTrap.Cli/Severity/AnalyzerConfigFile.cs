using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace NvTrap.Cli.Severity;

/// <summary>
/// One <c>.editorconfig</c> or <c>.globalconfig</c> file, read the way the C# compiler reads it
/// (Roslyn's AnalyzerConfig): lines starting with <c>#</c> or <c>;</c> are comments; a line
/// <c>[glob]</c> opens a section; <c>key = value</c> (or <c>key: value</c>) sets a property, the key
/// lower-cased, an inline <c>#</c> or <c>;</c> comment cut off; properties before the first section
/// form the global section; a line that is none of these is dropped.
/// </summary>
internal sealed partial class AnalyzerConfigFile
{
    /// <summary>The file name that makes a file a global config without <c>is_global</c>.</summary>
    public const string GlobalConfigName = ".globalconfig";

    public const string EditorConfigName = ".editorconfig";

    private AnalyzerConfigFile(string path, Dictionary<string, string> globalSection, List<Section> sections)
    {
        Path = path;
        GlobalSection = globalSection;
        Sections = sections;
        Directory = System.IO.Path.GetDirectoryName(path) ?? path;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The folder the file is in: its sections' globs are relative to it.</summary>
    public string Directory { get; }

    /// <summary>Properties before the first section; keys compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> GlobalSection { get; }

    public IReadOnlyList<Section> Sections { get; }

    /// <summary><c>root = true</c>: editorconfig files in the folders above do not apply below this one.</summary>
    public bool IsRoot => GlobalSection.TryGetValue("root", out string? value) && value == "true";

    /// <summary>
    /// A global config applies to the whole compilation, not by path: a file named
    /// <c>.globalconfig</c>, or any config whose global section has the key <c>is_global</c>
    /// (Roslyn tests for the key, whatever its value).
    /// </summary>
    public bool IsGlobal =>
        System.IO.Path.GetFileName(Path).Equals(GlobalConfigName, StringComparison.OrdinalIgnoreCase)
        || GlobalSection.ContainsKey("is_global");

    /// <summary>
    /// Which global config wins a key two of them set: <c>global_level</c> if given, else 100 for
    /// a file named <c>.globalconfig</c> and 0 for any other.
    /// </summary>
    public int GlobalLevel =>
        GlobalSection.TryGetValue("global_level", out string? value) && int.TryParse(value, out int level) ? level
        : System.IO.Path.GetFileName(Path).Equals(GlobalConfigName, StringComparison.OrdinalIgnoreCase) ? 100
        : 0;

    public static AnalyzerConfigFile Parse(string text, string path)
    {
        var global = NewProperties();
        var sections = new List<Section>();
        var current = global;
        foreach (string rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            string line = rawLine;
            if (string.IsNullOrWhiteSpace(line) || IsComment(line))
            {
                continue;
            }

            var header = SectionHeader().Match(line);
            if (header.Success)
            {
                current = NewProperties();
                sections.Add(new Section(header.Groups[1].Value, current));
                continue;
            }

            string trimmed = line.TrimStart();
            int separator = trimmed.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                continue;
            }

            string key = trimmed[..separator].TrimEnd();
            if (key.Length == 0)
            {
                continue;
            }

            string value = trimmed[(separator + 1)..].TrimStart();
            int comment = value.IndexOfAny(['#', ';']);
            if (comment >= 0)
            {
                value = value[..comment];
            }

            key = key.ToLowerInvariant();
            value = value.TrimEnd();
            if (key is "root" or "is_global" || value.Equals("unset", StringComparison.OrdinalIgnoreCase))
            {
                value = value.ToLowerInvariant();
            }

            current[key] = value;
        }

        return new AnalyzerConfigFile(path, global, sections);
    }

    private static Dictionary<string, string> NewProperties() => new(StringComparer.OrdinalIgnoreCase);

    private static bool IsComment(string line)
    {
        foreach (char c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '#' or ';';
            }
        }

        return false;
    }

    /// <summary>Roslyn's section header: <c>[name]</c> with an optional trailing comment; # and ; inside only escaped.</summary>
    [GeneratedRegex(@"^\s*\[(([^#;]|\\#|\\;)+)\]\s*([#;].*)?$")]
    private static partial Regex SectionHeader();

    /// <summary>A named section: its glob (a full path in a global config) and its properties.</summary>
    internal sealed record Section(string Name, IReadOnlyDictionary<string, string> Properties);
}
