using System.Globalization;
using CsCheck;
using NvTrap.Properties.Tests.Infrastructure;
using NvTrap.Properties.Tests.Mutation;

namespace NvTrap.Properties.Tests.Generation;

/// <summary>The CsCheck generators of the properties.</summary>
internal static class Documents
{
    private static readonly string[] RulesetSuffixes = { string.Empty, string.Empty, "-6.6", "+nv", "_x.y", ".", "-", "--+.._" };

    /// <summary>
    /// Valid rulesets, each with a ruleset name (and folder) of its own so that many can share one
    /// check and one build: a random stem, then sometimes the punctuation ruleset names may hold.
    /// </summary>
    public static Gen<GeneratedRuleset> ValidRulesets { get; } = new DrawGen<GeneratedRuleset>(draw =>
    {
        string name = "r" + draw.Bits().ToString("x", CultureInfo.InvariantCulture) + draw.Pick(RulesetSuffixes);
        return ValidRulesetGenerator.Create(draw, name, name);
    });

    /// <summary>Mutants of the shipped rule files: a file drawn uniformly from all of them (so mostly the Linux rulesets' files), mutated one to three times.</summary>
    public static Gen<Mutant> Mutants { get; } = new DrawGen<Mutant>(draw =>
    {
        var all = ShippedRuleset.All.SelectMany((r, ri) => r.Files.Select((_, fi) => (ri, fi))).ToList();
        var (ruleset, file) = draw.Pick(all);
        var original = ShippedRuleset.All[ruleset].Files[file];
        var (text, steps) = Mutator.Mutate(draw, original.Text);
        return new Mutant(ruleset, file, original with { Text = text }, steps);
    });
}
