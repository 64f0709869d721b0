namespace NvTrap;

/// <summary>
/// The Linux 6.6 KVM nested-virtualization trap-forwarding rules (arch/arm64/kvm/emulate-nested.c),
/// compiled from <c>rules/linux-6.6</c> at build time. <c>LinuxTraps.Decide(state, esr)</c>
/// answers as the kernel does; <c>LinuxTraps.State</c> holds the registers it reads.
/// </summary>
[NvTrapRuleset("linux-6.6")]
public static partial class LinuxTraps
{
}
