using System;

namespace NvTrap;

/// <summary>
/// Marks a <c>static partial class</c> for the NvTrap generator to fill with the named ruleset
/// compiled from the project's <c>*.nvtrap.yaml</c> files.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NvTrapRulesetAttribute : Attribute
{
    /// <summary>Names the ruleset (the <c>ruleset:</c> key of its files).</summary>
    public NvTrapRulesetAttribute(string ruleset) => Ruleset = ruleset;

    /// <summary>The ruleset's name.</summary>
    public string Ruleset { get; }
}
