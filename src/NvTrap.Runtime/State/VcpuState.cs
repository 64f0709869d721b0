using System;
using System.Runtime.CompilerServices;

namespace NvTrap;

/// <summary>
/// A ready-made vCPU state for any ruleset: flags plus a register file indexed by the ruleset's
/// register numbers. A plain value type with the registers stored inline, so it lives on the
/// stack and reading a register is one indexed load.
/// </summary>
public struct VcpuState : IVcpuState
{
    /// <summary>How many registers the file holds; the compiler rejects rulesets with more.</summary>
    public const int Capacity = Capacities.MaxRegisters;

    private RegisterFile _registers;

    /// <summary>A state with nested virtualization on, at virtual EL1, every register 0.</summary>
    public static VcpuState NestedGuestAtEl1 => new() { HasNestedVirtualization = true, CurrentEl = ExceptionLevel.El1 };

    /// <inheritdoc />
    public bool HasNestedVirtualization { get; set; }

    /// <inheritdoc />
    public ExceptionLevel CurrentEl { get; set; }

    /// <summary>Gets or sets a register by the ruleset's register index.</summary>
    public ulong this[int register]
    {
        readonly get => _registers[CheckIndex(register)];
        set => _registers[CheckIndex(register)] = value;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong ReadRegister(int register) => (uint)register < Capacity ? _registers[register] : 0;

    private static int CheckIndex(int register) =>
        (uint)register < Capacity ? register : throw new ArgumentOutOfRangeException(nameof(register), register, $"Register index must be 0..{Capacity - 1}.");

    [InlineArray(Capacity)]
    private struct RegisterFile
    {
        private ulong _element0;
    }
}
