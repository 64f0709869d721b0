using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Kernel.Export;

/// <summary>
/// The kernel's own names of the conditions' C functions, where the rule files record them: the
/// import writes a condition as <c>NAME:  # arch/arm64/kvm/emulate-nested.c:600 (check_mdcr_hpmn)</c>,
/// and export writes the same function name back.
/// </summary>
internal static class ConditionFunctions
{
    private static readonly Regex KernelComment = new(@"#\s*\S+:\d+\s+\((?<function>[A-Za-z_][A-Za-z0-9_]*)\)\s*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Group name to function name, for each condition whose line in its rule file ends with such a
    /// comment. <paramref name="textOf"/> gives a rule file's text by the path the compiler saw (null
    /// when it cannot).
    /// </summary>
    public static Dictionary<string, string> FromComments(BoundRuleset ruleset, Func<string, string?> textOf)
    {
        var functions = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var condition in ruleset.Groups.OfType<BoundCondition>())
        {
            string path = condition.Span.Path;
            if (!lines.TryGetValue(path, out var fileLines))
            {
                fileLines = textOf(path)?.Replace("\r\n", "\n").Split('\n');
                lines[path] = fileLines;
            }

            int line = condition.Span.StartLine - 1;
            if (fileLines is not null && line >= 0 && line < fileLines.Length && KernelComment.Match(fileLines[line]) is { Success: true } match)
            {
                functions[condition.Name] = match.Groups["function"].Value;
            }
        }

        return functions;
    }
}
