namespace NvTrap.Cli.Rulesets;

/// <summary>The Linux 6.6 ruleset compiled into NvTrap.Runtime by the generator.</summary>
internal static class BuiltInRuleset
{
    public const string Origin = "built in";

    public const string Name = LinuxTraps.RulesetName;

    public static RulesetHandle Create() => new RulesetHandle<LinuxTraps.Rules>(default, Origin);
}
