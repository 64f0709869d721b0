using System;
using System.Linq;
using NvTrap.Compiler.Evaluation;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Cli.Interpreting;

/// <summary>
/// A ruleset compiled at run time, held as the generator would emit it: the lowered tables in
/// their one serialized form (the bytes generated code stores as static data), the runtime's own
/// <see cref="RulesetNames"/> built from the lowered names, and the conditions as bound
/// expressions for <see cref="ExpressionEvaluator"/> to run.
/// </summary>
internal sealed class InterpretedRuleset
{
    private InterpretedRuleset(LoweredRuleset lowered)
    {
        Lowered = lowered;
        Tables = new SerializedTables(lowered.Tables);
        var names = lowered.Names;
        Names = new RulesetNames(
            lowered.Name,
            names.Registers.ToArray(),
            names.Groups.ToArray(),
            names.FineGrainedGroups.ToArray(),
            names.NamedEncodings.ToArray(),
            names.SysRegNames.ToArray(),
            names.FineGrainedEncodings.ToArray(),
            names.FineGrainedBitNames.ToArray(),
            names.ConditionTexts.ToArray(),
            names.ConditionRegisters.Select(r => r.ToArray()).ToArray());
        Conditions = new BoundExpr?[names.Groups.Count];
        foreach (var condition in lowered.Conditions)
        {
            Conditions[condition.Id] = ((ExpressionLogic)condition.Logic).Expression;
        }
    }

    public LoweredRuleset Lowered { get; }

    public SerializedTables Tables { get; }

    public RulesetNames Names { get; }

    /// <summary>Each condition group's expression, by group id; null for every other group.</summary>
    public BoundExpr?[] Conditions { get; }

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
