using System.Globalization;
using CsCheck;

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
}
