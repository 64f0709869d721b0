namespace NvTrap.Generator;

/// <summary>Names of the generator's pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Parse = "NvTrap.Parse";
    public const string Compile = "NvTrap.Compile";
    public const string Rulesets = "NvTrap.Rulesets";
    public const string Targets = "NvTrap.Targets";
    public const string TargetModels = "NvTrap.TargetModels";
    public const string Emit = "NvTrap.Emit";

    public static readonly string[] All = { Parse, Compile, Rulesets, Targets, TargetModels, Emit };
}
