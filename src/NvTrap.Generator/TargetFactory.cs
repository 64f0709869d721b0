using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Emitting;

namespace NvTrap.Generator;

/// <summary>Reads a [NvTrapRuleset] class into plain data: nothing from Roslyn survives this step.</summary>
internal static class TargetFactory
{
    public static TargetInfo Create(GeneratorAttributeSyntaxContext context)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes.FirstOrDefault();
        string ruleset = attribute?.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
        var location = LocationInfo.From(attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? symbol.Locations.FirstOrDefault());

        if (string.IsNullOrWhiteSpace(ruleset))
        {
            return new TargetInfo(null, ruleset, location, $"[NvTrapRuleset] on '{symbol.Name}' needs a ruleset name, e.g. [NvTrapRuleset(\"linux-6.6\")].");
        }

        var declaration = (ClassDeclarationSyntax)context.TargetNode;
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return new TargetInfo(null, ruleset, location, $"Class '{symbol.Name}' must be declared 'partial' so NvTrap can add the ruleset's members to it.");
        }

        if (symbol.IsGenericType)
        {
            return new TargetInfo(null, ruleset, location, $"Class '{symbol.Name}' is generic; a ruleset class must not have type parameters.");
        }

        if (GeneratedNames.Contains(GeneratedNames.ClassMembers, symbol.Name))
        {
            // C# does not allow a member named like its type (CS0542), and NvTrap generates one.
            return new TargetInfo(null, ruleset, location, $"Class '{symbol.Name}' has the name of a member NvTrap generates into it; rename the class.");
        }

        var containing = new List<string>();
        for (var outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var outerSyntax = outer.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (outerSyntax is null || !outerSyntax.Modifiers.Any(SyntaxKind.PartialKeyword) || outer.IsGenericType)
            {
                return new TargetInfo(null, ruleset, location, $"Class '{symbol.Name}' is nested in '{outer.Name}', which must be a non-generic 'partial' type too.");
            }

            string keyword = outer.TypeKind switch
            {
                TypeKind.Struct => outer.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                _ => outer.IsRecord ? "record" : "class",
            };
            containing.Insert(0, $"partial {keyword} {CSharpText.Identifier(outer.Name)}");
        }

        string? ns = symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString().Replace("@", string.Empty);
        return new TargetInfo(new RulesetTarget(ns, containing.ToEquatableArray(), symbol.Name, ruleset), ruleset, location, null);
    }
}
