namespace NvTrap;

/// <summary>
/// The Linux 6.6 KVM nested-virtualization trap-forwarding rules (arch/arm64/kvm/emulate-nested.c
/// of the 6.6 series), compiled from <c>rules/linux-6.6</c> at build time.
/// <c>Linux66Traps.Decide(state, esr)</c> answers as that kernel does; <c>Linux66Traps.State</c>
/// holds the registers it reads. 6.6 knows nothing of the VM beyond the vCPU: no hidden features,
/// no per-VM reserved bits, no host EL0. For the current kernel, see <see cref="Linux71Traps"/>.
/// </summary>
[NvTrapRuleset("linux-6.6")]
public static partial class Linux66Traps
{
}
