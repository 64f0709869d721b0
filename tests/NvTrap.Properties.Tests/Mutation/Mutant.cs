using NvTrap.Properties.Tests.Infrastructure;

namespace NvTrap.Properties.Tests.Mutation;

/// <summary>One mutated document: which shipped ruleset and file, the mutated text, and what was done to it.</summary>
internal sealed record Mutant(int Ruleset, int File, RuleFile Text, IReadOnlyList<string> Steps)
{
    public override string ToString() => $"{ShippedRuleset.All[Ruleset].Name}, {Text.Path}, after: {string.Join("; ", Steps)}\n{Text.Text}";
}
