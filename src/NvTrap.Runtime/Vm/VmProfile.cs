using System;
using System.Runtime.CompilerServices;

namespace NvTrap;

/// <summary>
/// A VM profile for any ruleset: hidden fine-grained bits per fine-grained group, reserved bits
/// per register and parameter values, indexed by the ruleset's numbers (the generated
/// <c>FineGrainedGroups</c>, <c>Registers</c> and <c>Parameters</c> constants). A plain value type
/// with inline arrays, so deciding with it allocates nothing. Start from a ruleset's defaults
/// (<see cref="Defaults{TRules}"/>, or the generated <c>DefaultVm()</c>) and change what differs:
/// <c>default(VmProfile)</c> hides nothing but also reserves no bit and sets every parameter to 0.
/// </summary>
public struct VmProfile : IVmProfile
{
    private Masks _hidden;
    private Registers _res0;
    private Registers _res1;
    private Parameters _parameters;
    private uint _sanitised;

    /// <summary>The profile of a full-featured VM as the ruleset describes it: its defaults.</summary>
    public static VmProfile Defaults<TRules>(in TRules rules)
        where TRules : struct, ITrapRules
    {
        var profile = default(VmProfile);
        profile._sanitised = rules.SanitisedRegisters;
        for (int group = 0; group <= Capacities.MaxFineGrainedGroups; group++)
        {
            profile._hidden[group] = rules.HiddenBits(group);
        }

        for (int register = 0; register < Capacities.MaxRegisters; register++)
        {
            profile._res0[register] = rules.Res0(register);
            profile._res1[register] = rules.Res1(register);
        }

        for (int parameter = 0; parameter < Capacities.MaxParameters; parameter++)
        {
            profile._parameters[parameter] = rules.Parameter(parameter);
        }

        return profile;
    }

    /// <summary>Hides the given bits of a fine-grained group (replacing what it hid before).</summary>
    public void SetHiddenBits(int fineGrainedGroup, ulong bits) =>
        _hidden[Check(fineGrainedGroup, Capacities.MaxFineGrainedGroups + 1, nameof(fineGrainedGroup))] = bits;

    /// <summary>
    /// Sets a register's reserved bits (replacing the ruleset's defaults for it). Only a register
    /// the ruleset sanitises has them, as in the kernel, where only registers in the sanitised
    /// range are read through the VM's masks.
    /// </summary>
    /// <exception cref="InvalidOperationException">The ruleset does not sanitise the register (or the profile did not come from <see cref="Defaults{TRules}"/>).</exception>
    public void SetReserved(int register, ulong res0, ulong res1)
    {
        int index = Check(register, Capacities.MaxRegisters, nameof(register));
        if ((_sanitised & (1u << index)) == 0)
        {
            throw new InvalidOperationException($"Register {index} is not sanitised by the ruleset this profile was made from, so it has no reserved bits to set.");
        }

        _res0[index] = res0;
        _res1[index] = res1;
    }

    /// <summary>Sets a named parameter.</summary>
    public void SetParameter(int parameter, ulong value) =>
        _parameters[Check(parameter, Capacities.MaxParameters, nameof(parameter))] = value;

    /// <summary>Whether the ruleset sanitises a register (it then has reserved bits a profile may set).</summary>
    public readonly bool IsSanitised(int register) => (uint)register < Capacities.MaxRegisters && (_sanitised & (1u << register)) != 0;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong HiddenBits(int fineGrainedGroup) => _hidden[fineGrainedGroup & Capacities.MaxFineGrainedGroups];

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong Res0(int register) => _res0[register & (Capacities.MaxRegisters - 1)];

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong Res1(int register) => _res1[register & (Capacities.MaxRegisters - 1)];

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong Parameter(int parameter) => _parameters[parameter & (Capacities.MaxParameters - 1)];

    private static int Check(int index, int count, string name) =>
        (uint)index < (uint)count ? index : throw new ArgumentOutOfRangeException(name, index, $"{name} must be 0..{count - 1}.");

    [InlineArray(Capacities.MaxFineGrainedGroups + 1)]
    private struct Masks
    {
        private ulong _element0;
    }

    [InlineArray(Capacities.MaxRegisters)]
    private struct Registers
    {
        private ulong _element0;
    }

    [InlineArray(Capacities.MaxParameters)]
    private struct Parameters
    {
        private ulong _element0;
    }
}
