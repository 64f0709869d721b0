namespace NvTrap;

/// <summary>What happens to a trapped access.</summary>
public enum TrapOutcome : byte
{
    /// <summary>The host handles it.</summary>
    Local,

    /// <summary>It is forwarded to (re-injected into) the guest hypervisor.</summary>
    Forward,

    /// <summary>It is undefined for this VM: the host injects an UNDEF exception.</summary>
    Undefined,
}
