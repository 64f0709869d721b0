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
    // The tables the engine reads on every decision are held here directly, one load away,
    // rather than behind the ruleset object.
    private readonly InterpretedRuleset _ruleset;
    private readonly byte[] _lookupDisplacements;
    private readonly byte[] _lookupSlots;
    private readonly byte[] _decisionListStarts;
    private readonly byte[] _decisionRecords;
    private readonly byte[] _fineGrainedRegisters;
    private readonly byte[] _registerRes0;

    public InterpretedRules(InterpretedRuleset ruleset)
    {
        _ruleset = ruleset;
        _lookupDisplacements = ruleset.Tables.LookupDisplacements;
        _lookupSlots = ruleset.Tables.LookupSlots;
        _decisionListStarts = ruleset.Tables.DecisionListStarts;
        _decisionRecords = ruleset.Tables.DecisionRecords;
        _fineGrainedRegisters = ruleset.Tables.FineGrainedRegisters;
        _registerRes0 = ruleset.Tables.RegisterRes0;
    }

    public ReadOnlySpan<byte> LookupDisplacements => _lookupDisplacements;

    public ReadOnlySpan<byte> LookupSlots => _lookupSlots;

    public ReadOnlySpan<byte> DecisionListStarts => _decisionListStarts;

    public ReadOnlySpan<byte> DecisionRecords => _decisionRecords;

    public ReadOnlySpan<byte> GroupStarts => _ruleset.Tables.GroupStarts;

    public ReadOnlySpan<byte> GroupRecords => _ruleset.Tables.GroupRecords;

    public ReadOnlySpan<byte> GroupKinds => _ruleset.Tables.GroupKinds;

    public ReadOnlySpan<byte> FineGrainedRegisters => _fineGrainedRegisters;

    public ReadOnlySpan<byte> RegisterRes0 => _registerRes0;

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
