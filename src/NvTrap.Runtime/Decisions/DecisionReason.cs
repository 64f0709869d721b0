namespace NvTrap;

/// <summary>Why a decision came out as it did, in the order the engine tests.</summary>
public enum DecisionReason : byte
{
    /// <summary>The ESR's exception class is not 0x18: not a system-register trap.</summary>
    NotSysRegTrap,

    /// <summary>The ruleset knows nothing about this encoding.</summary>
    NoConfiguration,

    /// <summary>The encoding's fine-grained bit is hidden from this VM (the kernel's FGU): the access is undefined.</summary>
    FeatureHidden,

    /// <summary>The vCPU does not have nested virtualization.</summary>
    NoNestedVirtualization,

    /// <summary>The access came from the guest hypervisor's own context (as the ruleset defines it), and not from its host EL0.</summary>
    HypervisorContext,

    /// <summary>Forwarded by a fine-grained trap bit.</summary>
    FineGrainedTrap,

    /// <summary>Forwarded by a coarse group (a control, a combination member or a condition).</summary>
    CoarseTrap,

    /// <summary>The encoding is configured but none of its controls asks for this access.</summary>
    NotTrapped,

    /// <summary>The access came from host EL0, and no matching control or condition forwards in host EL0.</summary>
    HostEl0NotForwarded,
}
