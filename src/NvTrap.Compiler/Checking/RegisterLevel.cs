namespace NvTrap.Compiler.Checking;

/// <summary>
/// The exception level a system register belongs to. <see cref="El2Alias"/> is the level of the
/// <c>_EL12</c> and <c>_EL02</c> names, through which EL2 reaches EL1 and EL0 registers: they are
/// neither EL2's own registers nor the EL1 and EL0 ones.
/// </summary>
internal enum RegisterLevel
{
    El0,
    El1,
    El2,
    El3,
    El2Alias,
}
