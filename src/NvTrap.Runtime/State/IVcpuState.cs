namespace NvTrap;

/// <summary>
/// What a decision reads from the vCPU. Decisions take it as a generic parameter constrained to
/// <c>struct</c>, so there is no boxing and the JIT compiles a copy of the decision code for each
/// state type, inlining these members.
/// </summary>
public interface IVcpuState
{
    /// <summary>Whether the VM has nested virtualization enabled (the kernel's vcpu_has_nv).</summary>
    bool HasNestedVirtualization { get; }

    /// <summary>The virtual exception level the access was made at.</summary>
    ExceptionLevel CurrentEl { get; }

    /// <summary>
    /// The guest hypervisor's value of a control register, by the ruleset's register index (the
    /// generated <c>Registers</c> constants, e.g. <c>Linux66Traps.Registers.HCR_EL2</c>).
    /// </summary>
    ulong ReadRegister(int register);
}
