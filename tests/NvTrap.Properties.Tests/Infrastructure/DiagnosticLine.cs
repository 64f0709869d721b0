using System.Globalization;
using Microsoft.CodeAnalysis;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// A diagnostic as one line, the same for check's and the build's: path, the whole span (lines,
/// columns and offsets), severity, id, message and the related location. Check and the build
/// agree when these lines are equal, so a diagnostic moved by one column is a disagreement.
/// </summary>
internal static class DiagnosticLine
{
    public static string Of(RuleDiagnostic d) =>
        Format(d.Span.Path, Span(d.Span), d.IsError, d.Id, d.Message, d.Related is { } r ? $"{r.Path}{Span(r)}" : null);

    public static string Of(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        string? related = d.AdditionalLocations.Count == 0 ? null : d.AdditionalLocations[0].GetLineSpan().Path + Span(d.AdditionalLocations[0]);
        return Format(span.Path, Span(d.Location), d.Severity == DiagnosticSeverity.Error, d.Id, d.GetMessage(CultureInfo.InvariantCulture), related);
    }

    private static string Span(SourceSpan s) =>
        $"({s.StartLine},{s.StartColumn})-({s.EndLine},{s.EndColumn})[{s.StartOffset}..{Math.Max(s.StartOffset, s.EndOffset)}]";

    private static string Span(Location l)
    {
        var s = l.GetLineSpan();
        return $"({s.StartLinePosition.Line + 1},{s.StartLinePosition.Character + 1})-({s.EndLinePosition.Line + 1},{s.EndLinePosition.Character + 1})[{l.SourceSpan.Start}..{l.SourceSpan.End}]";
    }

    private static string Format(string path, string span, bool error, string id, string message, string? related) =>
        $"{path}{span}: {(error ? "error" : "warning")} {id}: {message}{(related is null ? string.Empty : " [related " + related + "]")}";
}
