namespace NvTrap;

/// <summary>The virtual exception level the vCPU was running at when it trapped.</summary>
public enum ExceptionLevel : byte
{
    /// <summary>EL0: user space (of the nested guest, or of a VHE guest hypervisor).</summary>
    El0 = 0,

    /// <summary>EL1: the nested guest's kernel.</summary>
    El1 = 1,

    /// <summary>Virtual EL2: the guest hypervisor itself.</summary>
    El2 = 2,
}
