using System;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Cli.Severity;

/// <summary>
/// How a diagnostic is reported after configuration: the five values of
/// <c>dotnet_diagnostic.NVT0xx.severity</c>, as Roslyn's <c>ReportDiagnostic</c> has them
/// (none = Suppress, silent = Hidden, suggestion = Info).
/// </summary>
internal enum DiagnosticLevel
{
    /// <summary>Not reported at all.</summary>
    None,

    /// <summary>Reported to an IDE only: neither the build nor <c>nvtrap check</c> prints it.</summary>
    Silent,

    /// <summary>Info: printed as <c>info NVT0xx</c>, fails nothing.</summary>
    Suggestion,

    Warning,

    Error,
}

/// <summary>The words each level is written as, and the rule of which diagnostics can be configured.</summary>
internal static class DiagnosticLevels
{
    /// <summary>The configuration values, in the order they are listed in messages.</summary>
    public const string Names = "none, silent, suggestion, warning, error (or default)";

    /// <summary>
    /// Parses a configuration value as Roslyn does (case-insensitive; <c>refactoring</c> is an old
    /// name of silent). <c>default</c> parses to null: the diagnostic's own severity.
    /// </summary>
    public static bool TryParse(string text, out DiagnosticLevel? level)
    {
        level = null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "none":
                level = DiagnosticLevel.None;
                return true;
            case "silent":
            case "refactoring":
                level = DiagnosticLevel.Silent;
                return true;
            case "suggestion":
                level = DiagnosticLevel.Suggestion;
                return true;
            case "warning":
                level = DiagnosticLevel.Warning;
                return true;
            case "error":
                level = DiagnosticLevel.Error;
                return true;
            case "default":
                return true;
            default:
                return false;
        }
    }

    /// <summary>The configuration word: none, silent, suggestion, warning, error.</summary>
    public static string ConfigName(this DiagnosticLevel level) => level switch
    {
        DiagnosticLevel.None => "none",
        DiagnosticLevel.Silent => "silent",
        DiagnosticLevel.Suggestion => "suggestion",
        DiagnosticLevel.Warning => "warning",
        DiagnosticLevel.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The word a printed diagnostic carries, as the C# compiler prints it: error, warning or info.</summary>
    public static string OutputWord(this DiagnosticLevel level) => level switch
    {
        DiagnosticLevel.Error => "error",
        DiagnosticLevel.Warning => "warning",
        DiagnosticLevel.Suggestion => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "silent and suppressed diagnostics are not printed"),
    };

    /// <summary>The SARIF 2.1.0 result level: error, warning or note.</summary>
    public static string SarifLevel(this DiagnosticLevel level) => level switch
    {
        DiagnosticLevel.Error => "error",
        DiagnosticLevel.Warning => "warning",
        DiagnosticLevel.Suggestion => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "silent and suppressed diagnostics are not reported"),
    };

    public static DiagnosticLevel DefaultOf(RuleDiagnosticDescriptor descriptor) =>
        descriptor.Severity == RuleSeverity.Error ? DiagnosticLevel.Error : DiagnosticLevel.Warning;

    /// <summary>
    /// Whether configuration can change a diagnostic's level: warnings can be lowered or raised;
    /// errors cannot, since for a ruleset with any error the build emits only a stand-in that
    /// configures no trap. The generator marks its error descriptors NotConfigurable, so the
    /// build keeps them as errors whatever the configuration says, and <c>nvtrap check</c> does
    /// the same.
    /// </summary>
    public static bool IsConfigurable(RuleDiagnosticDescriptor descriptor) => descriptor.Severity != RuleSeverity.Error;
}
