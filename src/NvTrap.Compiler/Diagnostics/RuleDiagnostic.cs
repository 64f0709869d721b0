using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Diagnostics;

/// <summary>
/// One problem found in the rules, located in the YAML. <see cref="Related"/> is a second place
/// that takes part in the problem (the other half of an overlap, the earlier definition).
/// </summary>
internal sealed record RuleDiagnostic(string Id, RuleSeverity Severity, string Message, SourceSpan Span, SourceSpan? Related = null)
{
    public bool IsError => Severity == RuleSeverity.Error;

    /// <summary>Formats the diagnostic exactly as <c>dotnet build</c> prints a compiler diagnostic.</summary>
    public string ToDisplayString() =>
        $"{Span.Path}({Span.StartLine},{Span.StartColumn}): {(IsError ? "error" : "warning")} {Id}: {Message}";

    public override string ToString() => ToDisplayString();
}
