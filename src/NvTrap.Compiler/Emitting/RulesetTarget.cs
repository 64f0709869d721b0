using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Emitting;

/// <summary>
/// The partial class a ruleset is emitted into: its namespace, the types containing it (as
/// declaration headers such as "partial class Outer") and its own name. Plain data, so it caches.
/// </summary>
internal sealed record RulesetTarget(string? Namespace, EquatableArray<string> ContainingTypes, string ClassName, string Ruleset)
{
    /// <summary>
    /// The class as generated code names it from anywhere: <c>global::Ns.Outer.Class</c>, each
    /// part escaped, so no member of a generated type can hide it.
    /// </summary>
    public string QualifiedName
    {
        get
        {
            var parts = new System.Collections.Generic.List<string> { "global::" + (Namespace is null ? string.Empty : string.Join(".", System.Linq.Enumerable.Select(Namespace.Split('.'), CSharpText.Identifier)) + ".") };
            foreach (var containing in ContainingTypes)
            {
                parts.Add(CSharpText.Identifier(containing.Substring(containing.LastIndexOf(' ') + 1)) + ".");
            }

            parts.Add(CSharpText.Identifier(ClassName));
            return string.Concat(parts);
        }
    }

    /// <summary>A generated file's hint name: the class's full name and <paramref name="suffix"/>.</summary>
    public string HintName(string suffix)
    {
        string prefix = Namespace is null ? string.Empty : Namespace + ".";
        foreach (var containing in ContainingTypes)
        {
            prefix += containing.Substring(containing.LastIndexOf(' ') + 1).TrimStart('@') + ".";
        }

        return $"{prefix}{ClassName}.{suffix}";
    }
}
