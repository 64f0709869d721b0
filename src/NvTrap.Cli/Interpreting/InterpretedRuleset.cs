using System;
using System.Linq;
using NvTrap.Compiler.Evaluation;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Cli.Interpreting;

/// <summary>
/// A ruleset compiled at run time, held as the generator would emit it: the lowered tables in
/// their one serialized form (the bytes generated code stores as static data), the runtime's own
/// <see cref="RulesetNames"/> built from the lowered names, and the conditions, filters and
/// context tests compiled once (<see cref="CompiledExpression"/>) to run per decision.
/// </summary>
internal sealed class InterpretedRuleset
{
    private InterpretedRuleset(LoweredRuleset lowered)
    {
        Lowered = lowered;
        Tables = new SerializedTables(lowered.Tables);
        var names = lowered.Names;
        Names = new RulesetNames
        {
            RulesetName = lowered.Name,
            RegisterNames = names.Registers.ToArray(),
            GroupNames = names.Groups.ToArray(),
            FineGrainedGroupNames = names.FineGrainedGroups.ToArray(),
            FilterNames = names.Filters.ToArray(),
            FilterExpressions = names.FilterTexts.ToArray(),
            ParameterNames = names.Parameters.ToArray(),
            ParameterMinimums = lowered.Parameters.Select(p => p.Min).ToArray(),
            ParameterMaximums = lowered.Parameters.Select(p => p.Max).ToArray(),
            NamedEncodings = names.NamedEncodings.ToArray(),
            SysRegNames = names.SysRegNames.ToArray(),
            FineGrainedEncodings = names.FineGrainedEncodings.ToArray(),
            FineGrainedBits = names.FineGrainedBitNames.ToArray(),
            ConditionExpressions = names.ConditionTexts.ToArray(),
            ConditionReads = names.ConditionRegisters.Select(r => r.ToArray()).ToArray(),
            ConditionParameterReads = names.ConditionParameters.Select(p => p.ToArray()).ToArray(),
            HypervisorContext = names.HypervisorContext,
            HostEl0 = names.HostEl0,
        };
        Conditions = new CompiledExpression?[names.Groups.Count];
        foreach (var condition in lowered.Conditions)
        {
            Conditions[condition.Id] = new CompiledExpression(((ExpressionLogic)condition.Logic).Expression);
        }

        Filters = new CompiledExpression?[names.Filters.Count];
        foreach (var filter in lowered.Filters)
        {
            Filters[filter.Id] = new CompiledExpression(filter.When.Expression);
        }

        HypervisorContext = new CompiledExpression(lowered.Context.Hypervisor.Expression);
        HostEl0 = lowered.Context.HostEl0 is { } hostEl0 ? new CompiledExpression(hostEl0.Expression) : null;
    }

    public LoweredRuleset Lowered { get; }

    public SerializedTables Tables { get; }

    public RulesetNames Names { get; }

    /// <summary>Each condition group's expression, compiled, by group id; null for every other group.</summary>
    public CompiledExpression?[] Conditions { get; }

    /// <summary>Each filter's expression, compiled, by filter id; null for id 0.</summary>
    public CompiledExpression?[] Filters { get; }

    /// <summary>The context test for a hypervisor context, compiled.</summary>
    public CompiledExpression HypervisorContext { get; }

    /// <summary>The context test for host EL0, compiled, or null when the ruleset has none.</summary>
    public CompiledExpression? HostEl0 { get; }

    /// <summary>
    /// Wraps a lowered ruleset. Every condition must be an expression: a C#-only condition exists
    /// only in generated code, and the loader rejects such rulesets before calling this.
    /// </summary>
    public static InterpretedRuleset Create(LoweredRuleset lowered)
    {
        var csharp = lowered.Conditions.FirstOrDefault(c => c.Logic is CSharpLogic);
        if (csharp is not null)
        {
            throw new ArgumentException($"Condition '{csharp.Name}' is written in C# and cannot be interpreted.", nameof(lowered));
        }

        return new InterpretedRuleset(lowered);
    }
}
