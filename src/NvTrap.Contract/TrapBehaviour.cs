using System;

#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>Which accesses a matching control or condition forwards to the guest hypervisor, as the kernel's trap_behaviour.</summary>
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
}
