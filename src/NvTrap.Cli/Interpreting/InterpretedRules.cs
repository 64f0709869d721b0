using NvTrap.Compiler.Evaluation;

namespace NvTrap.Cli.Interpreting;

/// <summary>
/// A ruleset compiled at run time, seen through the same <see cref="ITrapRules"/> contract the
/// generated code implements, so <see cref="TrapEngine.Decide"/> and
/// <see cref="TrapExplainer.Explain"/> run unchanged over it. Table reads are array loads;
/// conditions go through <see cref="ExpressionEvaluator"/>, the core's definition of the
/// expression language that the generated C# is held to.
/// </summary>
internal readonly struct InterpretedRules : ITrapRules
{
    private readonly InterpretedTables _tables;

    public InterpretedRules(InterpretedTables tables)
    {
        _tables = tables;
        Names = new InterpretedNames(tables);
    }

    public int HcrEl2Register => _tables.HcrEl2Register;

    public ITrapRuleNames Names { get; }

    public ulong LookupConfig(ushort encoding) => _tables.Configs[encoding];

    public ulong LookupIssKey(uint issKey) => _tables.Configs[SysRegEncoding.FromIssKey(issKey).Value];

    public int DecisionListStart(int list) => _tables.DecisionListStarts[list];

    public MemberTest DecisionMember(int index) => _tables.DecisionMembers[index];

    public int MemberStart(int group) => _tables.MemberStarts[group];

    public int MemberCount(int group) => _tables.MemberCounts[group];

    public int Member(int index) => _tables.Members[index];

    public RuleGroupKind KindOf(int group) => _tables.Kinds[group];

    public int ControlRegister(int group) => _tables.ControlRegisters[group];

    public ulong ControlMask(int group) => _tables.Masks[group];

    public ulong ControlValue(int group) => _tables.Values[group];

    public TrapBehaviour BehaviourOf(int group) => _tables.Behaviours[group];

    public int FineGrainedRegister(int fineGrainedGroup, bool isRead) =>
        isRead ? _tables.FineGrainedReadRegisters[fineGrainedGroup] : _tables.FineGrainedWriteRegisters[fineGrainedGroup];

    public ulong Res0Of(int register) => _tables.Res0[register];

    public bool EvaluateCondition<TState>(int group, ref TState state, SysRegEncoding encoding)
        where TState : struct, IVcpuState
    {
        // Like the generated switch: a group that is not a condition never holds.
        if ((uint)group >= (uint)_tables.Conditions.Length || _tables.Conditions[group] is not { } expression)
        {
            return false;
        }

        // The evaluator reads registers through a delegate, which cannot capture a `ref`
        // parameter: it reads a copy of the state instead (the interpreter may allocate).
        TState copy = state;
        return ExpressionEvaluator.Evaluate(expression, register => copy.ReadRegister(register), encoding.Value, 0) != 0;
    }
}
