using System.Collections.Generic;
using System.Linq;
using NvTrap.Cli.Severity;

namespace NvTrap.Cli.Checking;

/// <summary>What <c>nvtrap check</c> found: the files it read, the rulesets they declare, and every diagnostic reported (at its configured level; silent and none are left out).</summary>
internal sealed record CheckReport(IReadOnlyList<string> Files, IReadOnlyList<string> Rulesets, IReadOnlyList<ReportedDiagnostic> Diagnostics)
{
    public int Errors => Diagnostics.Count(d => d.Level == DiagnosticLevel.Error);

    public int Warnings => Diagnostics.Count(d => d.Level == DiagnosticLevel.Warning);

    public int Info => Diagnostics.Count(d => d.Level == DiagnosticLevel.Suggestion);
}
