using System.Collections.Generic;
using System.Linq;
using System;
using NvTrap.Compiler.Lowering;

namespace NvTrap.Compiler.Emitting;

/// <summary>
/// Names rule files in generated comments relative to the folder all of a ruleset's files share,
/// so the generated code is the same on every machine (no absolute paths) and still tells a
/// reader which file and line to open.
/// </summary>
internal sealed class SourcePaths
{
    private readonly int _rootLength;

    public SourcePaths(IReadOnlyList<string> files)
    {
        var directories = files.Select(f => Directory(Normalize(f))).ToList();
        string common = directories.Count == 0 ? string.Empty : directories.Aggregate(CommonPrefix);
        _rootLength = common.Length;
        string trimmed = common.TrimEnd('/');
        Root = CSharpText.OneLine(trimmed.Length == 0 ? "." : trimmed.Substring(trimmed.LastIndexOf('/') + 1) + "/");
    }

    /// <summary>The shared folder's own name, e.g. <c>linux-6.6/</c>, as one line of comment text.</summary>
    public string Root { get; }

    /// <summary>
    /// <c>controls/hcr_el2.nvtrap.yaml(12,3)</c>, as one line of comment text: a path may hold any
    /// character but '/' and NUL, line breaks included, and every caller writes it into a comment.
    /// </summary>
    public string Describe(SourceLocation location) => $"{CSharpText.OneLine(Relative(location.Path))}({location.Line},{location.Column})";

    public string Relative(string path) => Normalize(path).Substring(Math.Min(_rootLength, Normalize(path).Length));

    private static string Normalize(string path) => path.Replace('\\', '/');

    /// <summary>The folder part of a path, ending in '/', or empty.</summary>
    private static string Directory(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash + 1);
    }

    /// <summary>The longest shared prefix that ends at a folder boundary.</summary>
    private static string CommonPrefix(string a, string b)
    {
        int length = 0;
        for (int i = 0; i < Math.Min(a.Length, b.Length) && a[i] == b[i]; i++)
        {
            if (a[i] == '/')
            {
                length = i + 1;
            }
        }

        return a.Substring(0, length);
    }
}
