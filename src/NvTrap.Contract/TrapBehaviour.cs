using System;

#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>
/// Which accesses a matching control or condition forwards to the guest hypervisor, as the
/// kernel's trap_behaviour: reads, writes, and whether the forwarding also applies when the
/// access comes from the guest hypervisor's own user space (host EL0).
/// </summary>
[Flags]
public enum TrapBehaviour : byte
{
    /// <summary>Handle locally.</summary>
    None = 0,

    /// <summary>Forward reads (MRS).</summary>
    Read = 1,

    /// <summary>Forward writes (MSR) and system instructions.</summary>
    Write = 2,

    /// <summary>Forward every access.</summary>
    Any = Read | Write,

    /// <summary>The forwarding also applies in host EL0 (the kernel's BEHAVE_FORWARD_IN_HOST_EL0); without it, host EL0 is handled locally.</summary>
    InHostEl0 = 4,
}
