using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Generator;

/// <summary>
/// The Roslyn face of the compiler's diagnostics: one <see cref="DiagnosticDescriptor"/> per entry
/// of <see cref="Descriptors.All"/>, derived from it (ids, titles, severities, categories and help
/// links live only there), and rule diagnostics located in the YAML files.
/// </summary>
internal static class RoslynDiagnostics
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Descriptors.All.ToDictionary(d => d.Id, Create);

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor For(string id) => ById[id];

    public static Diagnostic ToRoslyn(RuleDiagnostic diagnostic)
    {
        var additional = diagnostic.Related is null ? null : new[] { ToLocation(diagnostic.Related) };
        return Diagnostic.Create(For(diagnostic.Id), ToLocation(diagnostic.Span), additional, diagnostic.Message);
    }

    /// <summary>YAML marks are 1-based; Roslyn's line positions are 0-based.</summary>
    public static Location ToLocation(SourceSpan span)
    {
        int length = System.Math.Max(0, span.EndOffset - span.StartOffset);
        var start = new LinePosition(System.Math.Max(0, span.StartLine - 1), System.Math.Max(0, span.StartColumn - 1));
        var end = new LinePosition(System.Math.Max(0, span.EndLine - 1), System.Math.Max(0, span.EndColumn - 1));
        return Location.Create(span.Path, new TextSpan(span.StartOffset, length), new LinePositionSpan(start, end));
    }

    /// <summary>
    /// The custom tags of a descriptor. An error is <see cref="WellKnownDiagnosticTags.NotConfigurable"/>:
    /// a ruleset with any error generates only a stand-in that declares the API and configures no
    /// trap, so an error lowered by <c>dotnet_diagnostic.NVT0xx.severity</c> (which Roslyn
    /// otherwise allows for a generator's diagnostics) would let the build succeed with rules that
    /// decide nothing. Roslyn keeps a NotConfigurable diagnostic at its default
    /// severity whatever the configuration; warnings stay configurable. <c>nvtrap check</c> applies
    /// the same rule (see Severity/SeverityRules.cs in the tool and docs/configuration.md).
    /// </summary>
    internal static string[] CustomTags(RuleDiagnosticDescriptor descriptor) =>
        descriptor.Severity == RuleSeverity.Error ? [WellKnownDiagnosticTags.NotConfigurable] : [];

    // The ids are constants of the compiler core's list, not literals here, so the release-tracking
    // analyzers cannot follow them (RS1017 asks for a literal id, RS2008 for tracking files);
    // docs/diagnostics, checked by tests against that same list, is the release record instead.
#pragma warning disable RS1017, RS2008
    private static DiagnosticDescriptor Create(RuleDiagnosticDescriptor descriptor) => new(
        descriptor.Id,
        descriptor.Title,
        "{0}",
        descriptor.Category,
        descriptor.Severity == RuleSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: descriptor.HelpLink,
        customTags: CustomTags(descriptor));
#pragma warning restore RS1017, RS2008
}
