using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NvTrap.Cli.Severity;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// Prints rule diagnostics (<c>check</c>, a <c>--rules</c> ruleset that does not compile, a
/// <c>--vm</c> profile). Each file's diagnostics are first capped as the build caps them
/// (<see cref="DiagnosticCap"/>: 100 per file and phase, then one NVT091 counting the rest), so
/// check and the build show the same lines. A folder of many broken files can still give thousands,
/// so one command prints at most <see cref="MaxPrinted"/> besides those NVT091 summaries: past
/// that, errors are printed before the others, each in the compiler's order, and one last line says
/// how many more there are (<c>... and N more</c>). Both caps are documented in
/// <c>nvtrap check --help</c> and in README.md (section "The nvtrap tool", "What it reads").
/// </summary>
internal static class DiagnosticOutput
{
    /// <summary>The most diagnostics printed by one command, not counting NVT091 summaries.</summary>
    public const int MaxPrinted = 100;

    /// <summary>Caps <paramref name="diagnostics"/> per file as the build does, then prints them at the compiler's severities.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<RuleDiagnostic> diagnostics) =>
        WriteShown(writer, DiagnosticCap.Apply(diagnostics).Select(ReportedDiagnostic.AsIs).ToList());

    /// <summary>
    /// Prints diagnostics already capped per file (<see cref="NvTrap.Compiler.RuleCompilation.ShownDiagnostics"/>)
    /// at their configured levels: errors, warnings and info (suggestion).
    /// </summary>
    public static void WriteShown(TextWriter writer, IReadOnlyList<ReportedDiagnostic> shown, int maxPrinted = MaxPrinted)
    {
        static bool IsSummary(ReportedDiagnostic d) => d.Diagnostic.Id == Descriptors.TooManyDiagnostics.Id;

        var real = shown.Where(d => !IsSummary(d)).ToList();
        if (real.Count <= maxPrinted)
        {
            foreach (var diagnostic in shown)
            {
                writer.WriteLine(diagnostic.ToDisplayString());
            }

            return;
        }

        int errors = real.Count(d => d.IsError);
        int errorsLeft = Math.Min(errors, maxPrinted);
        int othersLeft = maxPrinted - errorsLeft;
        int hiddenErrors = errors - errorsLeft;
        int hiddenWarnings = 0;
        int hiddenInfo = 0;
        var printedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in shown)
        {
            // A file's NVT091 follows its last diagnostic shown: print it when that file was printed.
            bool print = IsSummary(diagnostic)
                ? printedFiles.Contains(diagnostic.Diagnostic.Span.Path)
                : diagnostic.IsError ? errorsLeft-- > 0 : othersLeft-- > 0;
            if (print)
            {
                printedFiles.Add(diagnostic.Diagnostic.Span.Path);
                writer.WriteLine(diagnostic.ToDisplayString());
            }
            else if (IsSummary(diagnostic) || diagnostic.IsError)
            {
                // Summaries of files not printed are not counted; hidden errors are counted above.
            }
            else if (diagnostic.Level == DiagnosticLevel.Warning)
            {
                hiddenWarnings++;
            }
            else if (diagnostic.Level == DiagnosticLevel.Suggestion)
            {
                hiddenInfo++;
            }
        }

        WriteHidden(writer, hiddenErrors, hiddenWarnings, hiddenInfo, maxPrinted);
    }

    /// <summary>
    /// Prints diagnostics already rendered as lines (<c>check --kernel</c>, whose lines point into
    /// a kernel tree): at most <paramref name="maxPrinted"/>, errors first, then how many more.
    /// </summary>
    public static void WriteLines(TextWriter writer, IReadOnlyList<(bool IsError, string Text)> lines, int maxPrinted = MaxPrinted)
    {
        int errors = lines.Count(l => l.IsError);
        int errorsLeft = lines.Count <= maxPrinted ? errors : Math.Min(errors, maxPrinted);
        int othersLeft = lines.Count <= maxPrinted ? lines.Count - errors : maxPrinted - errorsLeft;
        int hiddenErrors = errors - errorsLeft;
        int hiddenWarnings = lines.Count - errors - othersLeft;
        foreach (var (isError, text) in lines)
        {
            if (isError ? errorsLeft-- > 0 : othersLeft-- > 0)
            {
                writer.WriteLine(text);
            }
        }

        if (hiddenErrors + hiddenWarnings > 0)
        {
            WriteHidden(writer, hiddenErrors, hiddenWarnings, hiddenInfo: 0, maxPrinted);
        }
    }

    private static void WriteHidden(TextWriter writer, int hiddenErrors, int hiddenWarnings, int hiddenInfo, int maxPrinted)
    {
        string info = hiddenInfo == 0 ? string.Empty : $", {Plural.Of(hiddenInfo, "info message")}";
        writer.WriteLine($"... and {Plural.Of(hiddenErrors + hiddenWarnings + hiddenInfo, "more diagnostic")} ({Plural.Of(hiddenErrors, "error")}, {Plural.Of(hiddenWarnings, "warning")}{info}) not shown; at most {maxPrinted} are printed, errors first.");
    }
}
