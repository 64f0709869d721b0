using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Emitting;

/// <summary>
/// The partial class a ruleset is emitted into: its namespace, the types containing it (as
/// declaration headers such as "partial class Outer") and its own name. Plain data, so it caches.
/// </summary>
internal sealed record RulesetTarget(string? Namespace, EquatableArray<string> ContainingTypes, string ClassName, string Ruleset)
{
    /// <summary>A generated file's hint name: the class's full name and <paramref name="suffix"/>.</summary>
    public string HintName(string suffix)
    {
        string prefix = Namespace is null ? string.Empty : Namespace + ".";
        foreach (var containing in ContainingTypes)
        {
            prefix += containing.Substring(containing.LastIndexOf(' ') + 1) + ".";
        }

        return $"{prefix}{ClassName}.{suffix}";
    }
}
