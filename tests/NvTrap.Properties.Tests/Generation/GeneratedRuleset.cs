using NvTrap.Properties.Tests.Infrastructure;

namespace NvTrap.Properties.Tests.Generation;

/// <summary>A control's match, so random vCPU states can be steered to match it: register name, mask, value.</summary>
internal sealed record ControlHint(string Register, ulong Mask, ulong Value);

/// <summary>
/// One generated rule document: a ruleset in one or more files, the names in it that check may
/// legitimately refuse (empty for a document that must compile), and the controls' matches.
/// </summary>
internal sealed record GeneratedRuleset(string Ruleset, IReadOnlyList<RuleFile> Files, IReadOnlyList<string> RefusableNames, IReadOnlyList<ControlHint> Hints)
{
    public override string ToString() => string.Join("\n", Files.Select(f => $"--- {f.Path}\n{f.Text}"));
}
