namespace NvTrap;

/// <summary>Why a decision came out as it did.</summary>
public enum DecisionReason : byte
{
    /// <summary>The ESR's exception class is not 0x18: not a system-register trap.</summary>
    NotSysRegTrap,

    /// <summary>The vCPU does not have nested virtualization.</summary>
    NoNestedVirtualization,

    /// <summary>The access came from the guest hypervisor's own context (vEL2, or EL0 with E2H and TGE set).</summary>
    HypervisorContext,

    /// <summary>The ruleset knows nothing about this encoding.</summary>
    NoConfiguration,

    /// <summary>Forwarded by a fine-grained trap bit.</summary>
    FineGrainedTrap,

    /// <summary>Forwarded by a coarse group (a control, a combination member or a condition).</summary>
    CoarseTrap,

    /// <summary>The encoding is configured but none of its controls asks for this access.</summary>
    NotTrapped,
}
