namespace NvTrap;

/// <summary>
/// The Linux 7.1-era KVM nested-virtualization trap rules (triage_sysreg_trap in
/// arch/arm64/kvm/emulate-nested.c), compiled from <c>rules/linux-7.1</c> at build time.
/// <c>Linux71Traps.Decide(state, vm, esr)</c> answers as that kernel does for the VM the profile
/// describes: forward, handle locally, or undefined for a feature the VM hides;
/// <c>Linux71Traps.Decide(state, esr)</c> decides for a full-featured VM (every feature, the
/// architecture's reserved bits, 31 PMU counters). <c>Linux71Traps.DefaultVm()</c> is that VM,
/// to change where yours differs.
/// </summary>
[NvTrapRuleset("linux-7.1")]
public static partial class Linux71Traps
{
}
