using System;
using System.Collections.Generic;
using System.Linq;

namespace NvTrap.Cli.Rulesets;

/// <summary>
/// The rulesets NvTrap.Runtime has prebuilt, newest first: the first is the tool's default. The
/// kernel commits here are the ones the rule files were written from (docs/linux-6.6.md,
/// docs/linux-7.1.md).
/// </summary>
internal static class BuiltInRulesets
{
    public static readonly IReadOnlyList<BuiltInRuleset> All =
    [
        new(Linux71Traps.RulesetName, "arch/arm64/kvm/emulate-nested.c at damonitor/linux 0e8e955b9bcf (7.1 era)",
            () => new RulesetHandle<Linux71Traps.Rules>(default, BuiltInRuleset.Origin)),
        new(Linux66Traps.RulesetName, "arch/arm64/kvm/emulate-nested.c at torvalds/linux 039f9f12de5f (6.6)",
            () => new RulesetHandle<Linux66Traps.Rules>(default, BuiltInRuleset.Origin)),
    ];

    /// <summary>The ruleset commands use when neither --rules nor --ruleset is given.</summary>
    public static BuiltInRuleset Default => All[0];

    public static string Names => string.Join(", ", All.Select(r => r.Name));

    public static BuiltInRuleset? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}
