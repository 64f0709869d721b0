using System.Collections.Generic;
using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Diagnostics;

/// <summary>
/// At most <see cref="PerFile"/> diagnostics of a file from one phase (its parse, or its ruleset's
/// binding and checking), then one NVT091 saying how many more there are. A mistake repeated
/// 100,000 times is one mistake: printing all of it buries the rest of the build and takes
/// minutes. Errors are kept before warnings, so a flood of warnings cannot hide an error, and the
/// NVT091 is placed where the first diagnostic not shown is, for an editor to go to.
/// </summary>
internal static class DiagnosticCap
{
    /// <summary>The most diagnostics shown for a file from one phase.</summary>
    public const int PerFile = 100;

    /// <summary>
    /// <paramref name="diagnostics"/> (in the order they are shown) with each file's beyond
    /// <see cref="PerFile"/> left out and summed up in one NVT091 after that file's last one shown.
    /// </summary>
    public static List<RuleDiagnostic> Apply(IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        var perFile = new Dictionary<string, (int Errors, int Warnings)>(System.StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            perFile.TryGetValue(diagnostic.Span.Path, out var counts);
            perFile[diagnostic.Span.Path] = diagnostic.IsError ? (counts.Errors + 1, counts.Warnings) : (counts.Errors, counts.Warnings + 1);
        }

        bool capped = false;
        foreach (var counts in perFile.Values)
        {
            capped |= counts.Errors + counts.Warnings > PerFile;
        }

        if (!capped)
        {
            return new List<RuleDiagnostic>(diagnostics);
        }

        // Per file: every error up to the cap, then warnings while room is left.
        var shownErrors = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var shownWarnings = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var firstHidden = new Dictionary<string, RuleDiagnostic>(System.StringComparer.Ordinal);
        var lastShown = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var kept = new List<RuleDiagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            string path = diagnostic.Span.Path;
            var (errors, _) = perFile[path];
            shownErrors.TryGetValue(path, out int e);
            shownWarnings.TryGetValue(path, out int w);
            bool show = diagnostic.IsError ? e < PerFile : e + w < PerFile && w < PerFile - System.Math.Min(errors, PerFile);
            if (show)
            {
                if (diagnostic.IsError)
                {
                    shownErrors[path] = e + 1;
                }
                else
                {
                    shownWarnings[path] = w + 1;
                }

                kept.Add(diagnostic);
                lastShown[path] = kept.Count - 1;
            }
            else if (!firstHidden.ContainsKey(path))
            {
                firstHidden[path] = diagnostic;
            }
        }

        // Each summary goes after its file's last diagnostic shown, from the last file back so
        // the indices stay valid.
        var summaries = new List<(int After, RuleDiagnostic Summary)>();
        foreach (var hidden in firstHidden)
        {
            var (errors, warnings) = perFile[hidden.Key];
            shownErrors.TryGetValue(hidden.Key, out int e);
            shownWarnings.TryGetValue(hidden.Key, out int w);
            int moreErrors = errors - e, moreWarnings = warnings - w;
            summaries.Add((lastShown.TryGetValue(hidden.Key, out int at) ? at : -1, Descriptors.TooManyDiagnostics.Create(hidden.Value.Span,
                Invariant.Format($"{moreErrors + moreWarnings:N0} more {(moreErrors + moreWarnings == 1 ? "diagnostic" : "diagnostics")} in this file not shown ({moreErrors:N0} {(moreErrors == 1 ? "error" : "errors")}, {moreWarnings:N0} {(moreWarnings == 1 ? "warning" : "warnings")}); the first is here: {hidden.Value.Id}: {DiagnosticText.Quote(hidden.Value.Message)} Fix the ones shown first."))));
        }

        summaries.Sort((x, y) => y.After.CompareTo(x.After));
        foreach (var (after, summary) in summaries)
        {
            kept.Insert(after + 1, summary);
        }

        return kept;
    }
}
