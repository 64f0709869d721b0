using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Emitting;

/// <summary>
/// The partial class a ruleset is emitted into: its namespace, the types containing it (as
/// declaration headers such as "partial class Outer") and its own name.
/// </summary>
internal sealed record RulesetTarget(string? Namespace, EquatableArray<string> ContainingTypes, string ClassName, string Ruleset)
{
    public string HintName
    {
        get
        {
            string prefix = Namespace is null ? string.Empty : Namespace + ".";
            foreach (var containing in ContainingTypes)
            {
                prefix += containing.Substring(containing.LastIndexOf(' ') + 1) + ".";
            }

            return $"{prefix}{ClassName}.NvTrap.g.cs";
        }
    }
}
