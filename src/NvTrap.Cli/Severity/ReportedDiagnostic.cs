using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Cli.Severity;

/// <summary>A rule diagnostic with the level it is reported at after severity configuration.</summary>
internal sealed record ReportedDiagnostic(RuleDiagnostic Diagnostic, DiagnosticLevel Level)
{
    public bool IsError => Level == DiagnosticLevel.Error;

    /// <summary>A diagnostic at the severity the compiler gave it, for output that takes no configuration.</summary>
    public static ReportedDiagnostic AsIs(RuleDiagnostic diagnostic) =>
        new(diagnostic, diagnostic.IsError ? DiagnosticLevel.Error : DiagnosticLevel.Warning);

    /// <summary>As the C# compiler prints it: <c>path(line,col): error|warning|info NVT0xx: message</c>.</summary>
    public string ToDisplayString()
    {
        var span = Diagnostic.Span;
        return $"{span.Path}({span.StartLine},{span.StartColumn}): {Level.OutputWord()} {Diagnostic.Id}: {Diagnostic.Message}";
    }

    public override string ToString() => ToDisplayString();
}
