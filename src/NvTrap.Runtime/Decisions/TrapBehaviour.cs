using System;

namespace NvTrap;

/// <summary>Which accesses a matching group forwards to the guest hypervisor.</summary>
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
