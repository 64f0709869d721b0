namespace NvTrap.Compiler.Diagnostics;

/// <summary>The fixed facts of one diagnostic id: its title and default severity.</summary>
internal sealed record RuleDiagnosticDescriptor(string Id, string Title, RuleSeverity Severity, string Category)
{
    public RuleDiagnostic Create(Syntax.SourceSpan span, string message, Syntax.SourceSpan? related = null) =>
        new(Id, Severity, message, span, related);
}
