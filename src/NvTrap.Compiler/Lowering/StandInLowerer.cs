using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// The stand-in for a ruleset with errors: a <see cref="LoweredRuleset"/> (marked
/// <see cref="LoweredRuleset.IsStandIn"/>) that declares what the ruleset's generated API would
/// declare — the registers as properties of State and constants, the groups, fine-grained groups,
/// filters and parameters as constants, the C# condition methods the user implements — and
/// configures nothing. The generator emits it in place of the real code so that the user's code
/// still binds and the build shows the rule errors and nothing else (no CS0103 for a missing
/// Decide far from the cause). It is never run: rule errors cannot be configured away, so a build
/// that emits a stand-in always fails; the tool's interpreter never sees one.
/// </summary>
/// <remarks>
/// Built from what binding made of the rules, errors and all, so it holds only what is safe to
/// declare: each name once (the first definition), none that the generated code already declares
/// where the name would go (the binder reported those as NVT016), ids and indices renumbered
/// densely whatever the capacities (a ruleset over a limit has an error too). Its tables are
/// those of a ruleset with no rules, and so are the names explanations would read (the tables'
/// comments are written from both, which must agree); its conditions are only the C# ones,
/// filters test false, and the context is the default, so no expression of the broken rules
/// reaches generated code.
/// </remarks>
internal static class StandInLowerer
{
    /// <summary>What a stand-in's filters test, in place of their expressions.</summary>
    private static readonly ExpressionLogic Never = new(new BoundConstant(0), "false (stand-in: the ruleset has errors)");

    /// <summary>A ruleset with no rules, lowered once: the stand-ins' tables, counts and context.</summary>
    private static readonly LoweredRuleset Nothing = LowerNothing();

    /// <summary>
    /// A stand-in for <paramref name="bound"/>, a ruleset binding or checking found errors in, read
    /// from <paramref name="files"/> (its parsed files) for the C# methods binding did not keep.
    /// </summary>
    public static LoweredRuleset Lower(BoundRuleset bound, IEnumerable<RuleFileSyntax> files)
    {
        var registers = Kept(bound.Registers, r => r.Name, NameKind.Register)
            .Select((r, i) => new RegisterDescription(i, r.Name, r.Res0, r.Res1, r.IsSanitised, SourceLocation.Of(r.Span)))
            .ToEquatableArray();
        var groups = Kept(bound.Groups, g => g.Name, NameKind.Group);
        var groupDescriptions = groups
            .Select((g, i) => new GroupDescription(i + 1, g.Name, g.Kind, "not described: the ruleset has errors", SourceLocation.Of(g.Span)))
            .ToEquatableArray();
        var conditions = groups
            .Select((g, i) => (Group: g, Id: i + 1))
            .Where(c => c.Group is BoundCondition { Logic: CSharpLogic logic } && GeneratedNames.Collision(NameKind.CSharpMethod, logic.Method) is null)
            .Select(c => new LoweredCondition(c.Id, c.Group.Name, ((BoundCondition)c.Group).Behaviour, ((BoundCondition)c.Group).Logic!, SourceLocation.Of(c.Group.Span)))
            .ToList();

        // Every other C# method a condition names (a second definition of a name, a name refused
        // as a group's): declared, not evaluated.
        var declared = new HashSet<string>(conditions.Select(c => ((CSharpLogic)c.Logic).Method), StringComparer.Ordinal);
        var declaredOnly = files
            .SelectMany(f => f.Conditions)
            .Where(c => c.CSharpMethod is { } method && GeneratedNames.Collision(NameKind.CSharpMethod, method.Text) is null && declared.Add(method.Text))
            .Select(c => new LoweredCondition(0, c.Name.Text, TrapBehaviour.Any, new CSharpLogic(c.CSharpMethod!.Text, c.CSharpMethod.Span), SourceLocation.Of(c.Name.Span)))
            .ToEquatableArray();

        var fineGrainedGroups = Kept(bound.FineGrainedGroups, f => f.Name, NameKind.FineGrainedGroup)
            .Select((f, i) => new FineGrainedGroupDescription(i + 1, f.Name, RegisterName(bound, f.ReadRegister), RegisterName(bound, f.WriteRegister), SourceLocation.Of(f.Span)))
            .ToEquatableArray();
        var filters = Kept(bound.Filters, f => f.Name, NameKind.Filter)
            .Select((f, i) => new LoweredFilter(i + 1, f.Name, Never, SourceLocation.Of(f.Span)))
            .ToEquatableArray();
        var parameters = Kept(bound.Parameters, p => p.Name, NameKind.Parameter)
            .Select((p, i) => new ParameterDescription(i, p.Name, p.Default, p.Min, p.Max, SourceLocation.Of(p.Span)))
            .ToEquatableArray();

        return Nothing with
        {
            Name = bound.Name,
            Files = bound.Files.ToEquatableArray(),
            Conditions = conditions.ToEquatableArray(),
            DeclaredOnly = declaredOnly,
            Groups = groupDescriptions,
            Registers = registers,
            FineGrainedGroups = fineGrainedGroups,
            Filters = filters,
            Parameters = parameters,
        };
    }

    /// <summary>
    /// A stand-in for a ruleset no rule file could be found or read for: the API with no names of
    /// the rules, so at least Decide, Explain and State bind.
    /// </summary>
    public static LoweredRuleset Empty(string ruleset) => Nothing with { Name = ruleset };

    /// <summary>
    /// A stand-in for a ruleset that compiled but whose code cannot be emitted into its class as it
    /// is: its names, without the C# condition methods <paramref name="dropped"/> names, and, like
    /// every stand-in, no trap.
    /// </summary>
    public static LoweredRuleset Without(LoweredRuleset ruleset, Func<string, bool> dropped) =>
        Nothing with
        {
            Name = ruleset.Name,
            Files = ruleset.Files,
            Conditions = ruleset.Conditions.Where(c => c.Logic is CSharpLogic logic && !dropped(logic.Method)).ToEquatableArray(),
            DeclaredOnly = ruleset.DeclaredOnly.Where(c => c.Logic is CSharpLogic logic && !dropped(logic.Method)).ToEquatableArray(),
            Groups = ruleset.Groups,
            Registers = ruleset.Registers,
            FineGrainedGroups = ruleset.FineGrainedGroups,
            Filters = ruleset.Filters.Select(f => f with { When = Never }).ToEquatableArray(),
            Parameters = ruleset.Parameters,
        };

    /// <summary>The items whose names can be declared, each name once, in definition order.</summary>
    private static List<T> Kept<T>(IEnumerable<T> items, Func<T, string> name, NameKind kind)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return items.Where(item => GeneratedNames.Collision(kind, name(item)) is null && seen.Add(name(item))).ToList();
    }

    private static string RegisterName(BoundRuleset bound, int index) =>
        (uint)index < (uint)bound.Registers.Count ? bound.Registers[index].Name : "an undefined register";

    private static LoweredRuleset LowerNothing()
    {
        var diagnostics = new List<RuleDiagnostic>();
        var empty = new BoundRuleset(string.Empty, Array.Empty<string>(), Array.Empty<BoundRegister>(), Array.Empty<BoundGroup>(), Array.Empty<BoundFineGrainedGroup>(),
            Array.Empty<CoarseEntry>(), Array.Empty<FineGrainedEntry>(), Array.Empty<CatalogueEntry>(), Array.Empty<int>());
        return (Lowerer.Lower(empty, diagnostics) ?? throw new InvalidOperationException("a ruleset with no rules did not lower: " + string.Join("; ", diagnostics)))
            with { IsStandIn = true };
    }
}
