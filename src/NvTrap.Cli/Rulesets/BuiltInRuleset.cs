namespace NvTrap.Cli.Rulesets;

/// <summary>The Linux 6.6 ruleset compiled into NvTrap.Runtime by the generator.</summary>
internal static class BuiltInRuleset
{
    public const string Origin = "built in";

    public const string Name = Linux66Traps.RulesetName;

    public static RulesetHandle Create() => new RulesetHandle<Linux66Traps.Rules>(default, Origin);
}
