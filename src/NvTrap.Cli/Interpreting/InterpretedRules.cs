using System;
using NvTrap.Compiler.Evaluation;

namespace NvTrap.Cli.Interpreting;

/// <summary>
/// A ruleset compiled at run time, seen through the same <see cref="ITrapRules"/> contract the
/// generated code implements, so <see cref="TrapEngine.Decide"/> and
/// <see cref="TrapExplainer.Explain"/> run unchanged over it: the tables are the serialized bytes
/// the generator would have emitted, and conditions go through <see cref="ExpressionEvaluator"/>.
/// </summary>
internal readonly struct InterpretedRules : ITrapRules
{
    private readonly InterpretedRuleset _ruleset;

    public InterpretedRules(InterpretedRuleset ruleset) => _ruleset = ruleset;

    public ReadOnlySpan<byte> LookupDisplacements => _ruleset.Tables.LookupDisplacements;

    public ReadOnlySpan<byte> LookupSlots => _ruleset.Tables.LookupSlots;

    public ReadOnlySpan<byte> DecisionListStarts => _ruleset.Tables.DecisionListStarts;

    public ReadOnlySpan<byte> DecisionRecords => _ruleset.Tables.DecisionRecords;

    public ReadOnlySpan<byte> GroupStarts => _ruleset.Tables.GroupStarts;

    public ReadOnlySpan<byte> GroupRecords => _ruleset.Tables.GroupRecords;

    public ReadOnlySpan<byte> GroupKinds => _ruleset.Tables.GroupKinds;

    public ReadOnlySpan<byte> FineGrainedRegisters => _ruleset.Tables.FineGrainedRegisters;

    public ReadOnlySpan<byte> RegisterRes0 => _ruleset.Tables.RegisterRes0;

    public uint LookupIssKey(uint issKey) => RuleTables.LookupIssKey(this, issKey);

    public int HcrEl2Register => _ruleset.Lowered.HcrRegister;

    public RulesetNames Names => _ruleset.Names;

    public bool EvaluateCondition<TState>(int group, ref TState state, SysRegEncoding encoding)
        where TState : struct, IVcpuState
    {
        // Like the generated switch: a group that is not a condition never holds.
        if ((uint)group >= (uint)_ruleset.Conditions.Length || _ruleset.Conditions[group] is not { } expression)
        {
            return false;
        }

        // The evaluator reads registers through a delegate, which cannot capture a `ref`
        // parameter: it reads a copy of the state instead (the interpreter may allocate).
        TState copy = state;
        return ExpressionEvaluator.Evaluate(expression, register => copy.ReadRegister(register), encoding.Value, 0) != 0;
    }
}
