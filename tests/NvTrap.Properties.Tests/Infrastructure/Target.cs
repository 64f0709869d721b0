using Microsoft.CodeAnalysis.CSharp;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>A class marked [NvTrapRuleset] that the generator fills: namespace, class name, ruleset.</summary>
internal sealed record Target(string Namespace, string ClassName, string Ruleset)
{
    /// <summary>The type the generated code is in, for loading it.</summary>
    public string TypeName => Namespace + "." + ClassName;

    /// <summary>The source, documented so the strictest documentation mode has nothing to report but the generated code.</summary>
    public string Source =>
        $"namespace {Namespace}\n{{\n    /// <summary>The class the rules are generated into.</summary>\n    [global::NvTrap.NvTrapRuleset({SymbolDisplay.FormatLiteral(Ruleset, quote: true)})]\n    public static partial class {ClassName}\n    {{\n    }}\n}}\n";
}
