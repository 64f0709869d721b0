using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    public static void Write(TextWriter writer, IReadOnlyList<RuleDiagnostic> diagnostics, int maxPrinted = MaxPrinted)
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
        int warningsLeft = maxPrinted - errorsLeft;
        int hiddenErrors = errors - errorsLeft;
        int hiddenWarnings = diagnostics.Count - errors - warningsLeft;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.IsError ? errorsLeft-- > 0 : warningsLeft-- > 0)
            {
                writer.WriteLine(diagnostic.ToDisplayString());
            }
        }

        writer.WriteLine($"... and {Plural.Of(diagnostics.Count - maxPrinted, "more diagnostic")} ({Plural.Of(hiddenErrors, "error")}, {Plural.Of(hiddenWarnings, "warning")}) not shown; at most {maxPrinted} are printed, errors first.");
    }
}
