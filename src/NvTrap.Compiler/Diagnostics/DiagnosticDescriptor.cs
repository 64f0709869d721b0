using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Diagnostics;

/// <summary>The fixed facts of one diagnostic id: its title, default severity, category and help page.</summary>
internal sealed record RuleDiagnosticDescriptor(string Id, string Title, RuleSeverity Severity, string Category)
{
    /// <summary>The diagnostic's page in docs/diagnostics.</summary>
    public string HelpLink => HelpLinks.For(Id);

    public RuleDiagnostic Create(SourceSpan span, string message, SourceSpan? related = null) =>
        new(Id, Severity, DiagnosticText.OneLine(message), span, related);
}
