using System;
using NvTrap.Compiler.Evaluation;

namespace NvTrap.Cli.Interpreting;

/// <summary>
/// A ruleset compiled at run time, seen through the same <see cref="ITrapRules"/> contract the
/// generated code implements, so <see cref="TrapEngine"/> and <see cref="TrapExplainer"/> run
/// unchanged over it: the tables are the serialized bytes the generator would have emitted, and
/// conditions, filters and context tests run compiled (<see cref="CompiledExpression"/>).
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
    private readonly byte[] _registerRes1;
    private readonly uint _sanitised;

    // One frame per thread: an expression runs to completion before another starts on it.
    [ThreadStatic]
    private static ExpressionFrame? t_frame;

    public InterpretedRules(InterpretedRuleset ruleset)
    {
        _ruleset = ruleset;
        _lookupDisplacements = ruleset.Tables.LookupDisplacements;
        _lookupSlots = ruleset.Tables.LookupSlots;
        _decisionListStarts = ruleset.Tables.DecisionListStarts;
        _decisionRecords = ruleset.Tables.DecisionRecords;
        _fineGrainedRegisters = ruleset.Tables.FineGrainedRegisters;
        _registerRes0 = ruleset.Tables.RegisterRes0;
        _registerRes1 = ruleset.Tables.RegisterRes1;
        _sanitised = ruleset.Lowered.Tables.SanitisedRegisters;
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

    public ReadOnlySpan<byte> RegisterRes1 => _registerRes1;

    public ReadOnlySpan<byte> ParameterDefaults => _ruleset.Tables.ParameterDefaults;

    public uint SanitisedRegisters => _sanitised;

    public RulesetNames Names => _ruleset.Names;

    public uint LookupIssKey(uint issKey) => RuleTables.LookupIssKey(this, issKey);

    // As a VM profile, the ruleset is a full-featured VM, as generated rules are.
    public ulong HiddenBits(int fineGrainedGroup) => 0;

    public ulong Res0(int register) => RuleTables.DefaultRes0(this, register);

    public ulong Res1(int register) => RuleTables.DefaultRes1(this, register);

    public ulong Parameter(int parameter) => RuleTables.DefaultParameter(this, parameter);

    public bool IsHypervisorContext<TState, TVm>(ref TState state, ref TVm vm)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile =>
        Holds(_ruleset.HypervisorContext, ref state, ref vm, 0);

    // A ruleset without a host EL0 test has no host EL0, as the generated method returns false.
    public bool IsHostEl0<TState, TVm>(ref TState state, ref TVm vm)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile =>
        _ruleset.HostEl0 is { } test && Holds(test, ref state, ref vm, 0);

    // Like the generated switches: an id that names no filter or condition never holds.
    public bool FilterHolds<TState, TVm>(int filter, ref TState state, ref TVm vm)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile =>
        (uint)filter < (uint)_ruleset.Filters.Length && _ruleset.Filters[filter] is { } test && Holds(test, ref state, ref vm, 0);

    public bool EvaluateCondition<TState, TVm>(int group, ref TState state, ref TVm vm, SysRegEncoding encoding)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile =>
        (uint)group < (uint)_ruleset.Conditions.Length && _ruleset.Conditions[group] is { } test && Holds(test, ref state, ref vm, encoding.Value);

    /// <summary>
    /// Runs a compiled expression as the generated code does: a register the ruleset sanitises is
    /// read through the VM's reserved bits, any other as the state holds it. Only the registers
    /// and parameters the expression reads are filled in, into this thread's frame: a decision
    /// allocates nothing once the thread has one.
    /// </summary>
    private bool Holds<TState, TVm>(CompiledExpression expression, ref TState state, ref TVm vm, ushort encoding)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile
    {
        var frame = t_frame ??= new ExpressionFrame();
        foreach (int register in expression.RegistersRead)
        {
            frame.Registers[register] = ((_sanitised >> register) & 1) != 0 ? RuleTables.Read(ref state, ref vm, register) : state.ReadRegister(register);
        }

        foreach (int parameter in expression.ParametersRead)
        {
            frame.Parameters[parameter] = vm.Parameter(parameter);
        }

        frame.Encoding = encoding;
        frame.ExceptionLevel = (ulong)state.CurrentEl;
        return expression.Run(frame) != 0;
    }
}
