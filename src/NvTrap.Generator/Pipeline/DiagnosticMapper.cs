using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Pipeline;

/// <summary>Turns rule diagnostics into Roslyn diagnostics located in the YAML files.</summary>
internal static class DiagnosticMapper
{
    public static DiagnosticDescriptor DescriptorFor(string id) => RoslynDescriptors.For(id);

    public static Diagnostic ToRoslyn(RuleDiagnostic diagnostic)
    {
        var additional = diagnostic.Related is null ? null : new[] { ToLocation(diagnostic.Related) };
        return Diagnostic.Create(RoslynDescriptors.For(diagnostic.Id), ToLocation(diagnostic.Span), additional, diagnostic.Message);
    }

    public static Location ToLocation(SourceSpan span)
    {
        int length = System.Math.Max(0, span.EndOffset - span.StartOffset);
        var start = new LinePosition(System.Math.Max(0, span.StartLine - 1), System.Math.Max(0, span.StartColumn - 1));
        var end = new LinePosition(System.Math.Max(0, span.EndLine - 1), System.Math.Max(0, span.EndColumn - 1));
        return Location.Create(span.Path, new TextSpan(span.StartOffset, length), new LinePositionSpan(start, end));
    }
}
