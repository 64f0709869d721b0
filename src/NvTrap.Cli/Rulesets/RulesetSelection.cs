namespace NvTrap.Cli.Rulesets;

/// <summary>Which ruleset a command runs with: rule files at <see cref="Path"/> (<c>--rules</c>), a built-in one by <see cref="Name"/> (<c>--ruleset</c>), or, with neither, the default built-in one.</summary>
internal sealed record RulesetSelection(string? Path, string? Name)
{
    public static RulesetSelection Default { get; } = new(null, null);
}
