namespace NvTrap.Compiler.Diagnostics;

/// <summary>How serious a rule diagnostic is; maps one-to-one onto Roslyn's severities.</summary>
internal enum RuleSeverity
{
    Warning,
    Error,
}
