using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NvTrap.Cli.Severity;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// Prints rule diagnostics (<c>check</c>, a <c>--rules</c> ruleset that does not compile, a
/// <c>--vm</c> profile) with a cap on how many: a broken file or a folder of copies can give
/// thousands, and a person fixes the first ones and runs again. Past the cap, errors are printed
/// before warnings (the errors are what fail the run), each in the compiler's order, and one last
/// line says how many more there are: <c>... and N more</c>. The cap is documented in
/// <c>nvtrap check --help</c> and in README.md (section "The nvtrap tool", "What it reads").
/// </summary>
internal static class DiagnosticOutput
{
    /// <summary>The most diagnostics printed by one command.</summary>
    public const int MaxPrinted = 100;

    public static void Write(TextWriter writer, IReadOnlyList<RuleDiagnostic> diagnostics, int maxPrinted = MaxPrinted) =>
        Write(writer, diagnostics.Select(ReportedDiagnostic.AsIs).ToList(), maxPrinted);

    /// <summary>
    /// Prints diagnostics at their configured levels (<c>check</c>): errors, warnings and info
    /// (suggestion); past the cap, errors first, then the others in the compiler's order.
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<ReportedDiagnostic> diagnostics, int maxPrinted = MaxPrinted)
    {
        if (diagnostics.Count <= maxPrinted)
        {
            foreach (var diagnostic in diagnostics)
            {
                writer.WriteLine(diagnostic.ToDisplayString());
            }

            return;
        }

        int errors = diagnostics.Count(d => d.IsError);
        int errorsLeft = Math.Min(errors, maxPrinted);
        int othersLeft = maxPrinted - errorsLeft;
        int hiddenErrors = errors - errorsLeft;
        int hiddenWarnings = 0;
        int hiddenInfo = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.IsError ? errorsLeft-- > 0 : othersLeft-- > 0)
            {
                writer.WriteLine(diagnostic.ToDisplayString());
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

        string info = hiddenInfo == 0 ? string.Empty : $", {Plural.Of(hiddenInfo, "info message")}";
        writer.WriteLine($"... and {Plural.Of(diagnostics.Count - maxPrinted, "more diagnostic")} ({Plural.Of(hiddenErrors, "error")}, {Plural.Of(hiddenWarnings, "warning")}{info}) not shown; at most {maxPrinted} are printed, errors first.");
    }
}
