using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NvTrap.Cli.Input;
using NvTrap.Compiler;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Cli.Rulesets;

/// <summary>
/// Finds and reads rule files the way the build hands them to the generator: every
/// <c>*.nvtrap.yaml</c> under a folder (recursively, without bin/ and obj/), or a file named directly. Paths keep the
/// spelling the user gave (a folder argument is their prefix), so diagnostics point where the
/// user can click.
/// </summary>
internal static class RuleFiles
{
    /// <summary>
    /// Expands paths to rule files, sorted in ordinal order and without duplicates (a file reached
    /// twice, through a link or two of the paths, counts once). A folder is searched as
    /// <see cref="RuleFolderSearch"/> says: recursively, without bin/ and obj/, each folder once.
    /// Returns false, with a message naming the path, when a path does not exist or cannot be listed.
    /// </summary>
    public static bool TryFind(IEnumerable<string> paths, out List<string> files, out string? problem)
    {
        files = new List<string>();
        var seen = new HashSet<string>(RuleFolderSearch.PathComparer);
        foreach (string path in paths)
        {
            IEnumerable<FoundRuleFile> found;
            if (File.Exists(path))
            {
                found = new[] { new FoundRuleFile(path, RuleFolderSearch.IdentityOf(path)) };
            }
            else if (Directory.Exists(path))
            {
                try
                {
                    found = RuleFolderSearch.Find(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    problem = $"{path}: the folder cannot be listed: {ex.Message}";
                    return false;
                }
            }
            else
            {
                problem = $"{path}: no such file or folder.";
                return false;
            }

            foreach (var file in found)
            {
                if (seen.Add(file.Identity))
                {
                    files.Add(file.Path);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        problem = null;
        return true;
    }

    /// <summary>
    /// Reads one rule file. For a file that cannot be read, or is too large for the parser to
    /// accept, returns null and adds the diagnostic the compiler gives such a file.
    /// </summary>
    public static RuleSource? Read(string path, List<RuleDiagnostic> problems)
    {
        // UTF-8 needs at most 3 bytes per UTF-16 character, so a file of more bytes than that is
        // surely over the parser's limit: stop reading there.
        long limit = YamlLimits.Default.MaxChars;
        string? text = BoundedFile.TryReadText(path, limit * 3, out string? problem, out var failure);
        if (text is null)
        {
            var start = SourceSpan.FileStart(path);
            problems.Add(failure switch
            {
                ReadFailure.TooLarge => Descriptors.LimitExceeded.Create(start,
                    FormattableString.Invariant($"Rule file is larger than {limit * 3:N0} bytes; the limit is {limit:N0} characters. Split the rules into several *.nvtrap.yaml files.")),
                ReadFailure.NotAFile => Descriptors.YamlSyntax.Create(start, $"Rule file was not read: {problem}. A rule file must be a regular file."),
                _ => Descriptors.YamlSyntax.Create(start, $"Rule file could not be read ({problem}); check that it exists and is readable."),
            });
            return null;
        }

        return new RuleSource(path, text);
    }

    /// <summary>
    /// Parses, binds, checks and lowers the files as the generator does; a file that could not
    /// be read takes part as a file with no syntax and its read diagnostic.
    /// </summary>
    public static RuleCompilation Compile(IReadOnlyList<string> files)
    {
        var parsed = new List<ParsedRuleFile>(files.Count);
        foreach (string path in files)
        {
            var problems = new List<RuleDiagnostic>();
            var source = Read(path, problems);
            parsed.Add(source is null ? new ParsedRuleFile(path, null, problems.ToEquatableArray()) : RuleCompiler.ParseSafely(source));
        }

        return RuleCompiler.Compile(parsed);
    }
}
