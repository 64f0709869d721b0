using System;
using System.Collections.Generic;
using System.IO;
using NvTrap.Compiler;

namespace NvTrap.Cli.Rulesets;

/// <summary>
/// The rule files of the built-in rulesets, embedded in the tool from the repository's rules/
/// folder (NvTrap.Cli.csproj includes them with a glob): each as <c>rules/&lt;ruleset&gt;/&lt;path&gt;</c>,
/// the path its diagnostics and the rules' own comments use. Commands that need a built-in
/// ruleset's rules rather than its prebuilt tables (<c>export kernel-c</c>) compile these.
/// </summary>
internal static class BuiltInRuleFiles
{
    /// <summary>The folder of a built-in ruleset's files, as their paths spell it: <c>rules/linux-7.1</c>.</summary>
    public static string FolderOf(BuiltInRuleset ruleset) => "rules/" + ruleset.Name;

    /// <summary>The ruleset's rule files in ordinal path order (the order the compiler numbers by), read from the tool itself.</summary>
    public static IReadOnlyList<RuleSource> Of(BuiltInRuleset ruleset)
    {
        var assembly = typeof(BuiltInRuleFiles).Assembly;
        string folder = FolderOf(ruleset) + "/";
        var sources = new List<RuleSource>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            // MSBuild writes the folder part with the build machine's separator.
            string path = resource.Replace('\\', '/');
            if (!path.StartsWith(folder, StringComparison.Ordinal) || !path.EndsWith(RuleCompiler.FileSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            sources.Add(new RuleSource(path, reader.ReadToEnd()));
        }

        sources.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return sources;
    }
}
