using NvTrap.Compiler.Contract;

namespace NvTrap.Compiler.Evaluation;

/// <summary>
/// What a compiled expression reads, filled in before it runs: register values by index (as the
/// rules see them, sanitised), parameter values by index, the access's packed encoding, the
/// catalogue family's index and the exception level. Reused from run to run, so evaluating
/// allocates nothing.
/// </summary>
internal sealed class ExpressionFrame
{
    public ulong[] Registers { get; } = new ulong[Capacities.MaxRegisters];

    public ulong[] Parameters { get; } = new ulong[Capacities.MaxParameters];

    public ushort Encoding { get; set; }

    public ulong Variable { get; set; }

    public ulong ExceptionLevel { get; set; }
}
