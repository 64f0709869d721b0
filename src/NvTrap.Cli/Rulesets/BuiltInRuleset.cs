using System;

namespace NvTrap.Cli.Rulesets;

/// <summary>A ruleset compiled into NvTrap.Runtime by the generator, with where its rules come from.</summary>
internal sealed record BuiltInRuleset(string Name, string Source, Func<RulesetHandle> Create)
{
    public const string Origin = "built in";
}
