using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Lowering;

/// <summary>The human-readable side of a lowered ruleset: names for explanations, and descriptions for generated comments.</summary>
internal static class RulesetDescriber
{
    public static RulesetNameTables Names(BoundRuleset ruleset, IReadOnlyDictionary<ushort, FineGrainedEntry> fineOf)
    {
        // Several catalogue names may share an encoding: the first one defined names it.
        var named = ruleset.Catalogue.GroupBy(c => c.Encoding).Select(g => g.First()).OrderBy(c => c.Encoding).ToList();
        var fineGrained = fineOf.OrderBy(f => f.Key).ToList();
        var groups = new BoundGroup?[] { null }.Concat(ruleset.Groups).ToList();
        return new RulesetNameTables(
            ruleset.Registers.Select(r => r.Name).ToEquatableArray(),
            groups.Select(g => g?.Name ?? "none").ToEquatableArray(),
            new[] { "none" }.Concat(ruleset.FineGrainedGroups.Select(f => f.Name)).ToEquatableArray(),
            named.Select(c => c.Encoding).ToEquatableArray(),
            named.Select(c => c.Name).ToEquatableArray(),
            fineGrained.Select(f => f.Key).ToEquatableArray(),
            fineGrained.Select(f => f.Value.BitName).ToEquatableArray(),
            groups.Select(g => g is BoundCondition condition ? ConditionText(condition) : null).ToEquatableArray(),
            groups.Select(g => g is BoundCondition { Logic: ExpressionLogic logic }
                ? BoundExprAnalysis.RegistersRead(logic.Expression).Select(r => (byte)r).ToEquatableArray()
                : EquatableArray<byte>.Empty).ToEquatableArray(),
            groups.Select(g => g is BoundCondition { Logic: ExpressionLogic logic }
                ? BoundExprAnalysis.ParametersRead(logic.Expression).Select(p => (byte)p).ToEquatableArray()
                : EquatableArray<byte>.Empty).ToEquatableArray(),
            new[] { "none" }.Concat(ruleset.Filters.Select(f => f.Name)).ToEquatableArray(),
            new string?[] { null }.Concat(ruleset.Filters.Select(f => f.When?.Text)).ToEquatableArray(),
            ruleset.Parameters.Select(p => p.Name).ToEquatableArray(),
            ruleset.Context.Hypervisor.Text,
            ruleset.Context.HostEl0?.Text);
    }

    public static EquatableArray<LoweredCondition> Conditions(BoundRuleset ruleset) =>
        ruleset.Groups.OfType<BoundCondition>()
            .Select(c => new LoweredCondition(c.Id, c.Name, c.Behaviour, c.Logic!, SourceLocation.Of(c.Span)))
            .ToEquatableArray();

    public static EquatableArray<GroupDescription> Groups(BoundRuleset ruleset) =>
        ruleset.Groups.Select(g => new GroupDescription(g.Id, g.Name, g.Kind, Summary(ruleset, g), SourceLocation.Of(g.Span))).ToEquatableArray();

    public static EquatableArray<RegisterDescription> Registers(BoundRuleset ruleset) =>
        ruleset.Registers.Select(r => new RegisterDescription(r.Index, r.Name, r.Res0, r.Res1, r.IsSanitised, SourceLocation.Of(r.Span))).ToEquatableArray();

    public static EquatableArray<FineGrainedGroupDescription> FineGrainedGroups(BoundRuleset ruleset) =>
        ruleset.FineGrainedGroups
            .Select(f => new FineGrainedGroupDescription(f.Id, f.Name, ruleset.Registers[f.ReadRegister].Name, ruleset.Registers[f.WriteRegister].Name, SourceLocation.Of(f.Span)))
            .ToEquatableArray();

    /// <summary>What a condition is, as explanations quote it: its expression, or <c>csharp: Method</c>.</summary>
    public static string ConditionText(BoundCondition condition) => condition.Logic switch
    {
        ExpressionLogic expression => expression.Text,
        CSharpLogic csharp => "csharp: " + csharp.Method,
        _ => string.Empty,
    };

    /// <summary>One line saying what a group tests and forwards.</summary>
    private static string Summary(BoundRuleset ruleset, BoundGroup group) => group switch
    {
        BoundControl c => $"forwards {RuleWords.Of(c.Behaviour)} when ({ruleset.Registers[c.Register].Name} & {Invariant.Hex(c.Mask)}) == {Invariant.Hex(c.Value)}",
        BoundCombination c => $"forwards what any of {string.Join(", ", c.Members.Select(m => ruleset.GroupById(m.Group).Name))} forwards",
        BoundCondition c => $"forwards {RuleWords.Of(c.Behaviour)} when {ConditionText(c)}",
        _ => string.Empty,
    };
}
