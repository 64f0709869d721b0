#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>
/// How much a ruleset may hold. Each limit follows from a field width of the packed trap config
/// or from the size of the ready-made state types; the compiler reports any excess as a located
/// diagnostic, and the runtime sizes its tables and state from the same numbers.
/// </summary>
public static class Capacities
{
    /// <summary>Coarse groups: ids 1..1023 fit the config's 10-bit group field (0 means none).</summary>
    public const int MaxGroups = (1 << TrapConfigLayout.GroupBits) - 1;

    /// <summary>Fine-grained groups: ids 1..15 fit the config's 4-bit field (0 means none).</summary>
    public const int MaxFineGrainedGroups = (1 << TrapConfigLayout.FineGrainedGroupBits) - 1;

    /// <summary>Fine-grained filters: ids 1..31 fit the config's 5-bit filter field (0 means none).</summary>
    public const int MaxFilters = (1 << TrapConfigLayout.FilterBits) - 1;

    /// <summary>Named VM parameters a ruleset may declare: the size of the parameter table and of <c>VmProfile</c>'s.</summary>
    public const int MaxParameters = 16;

    /// <summary>Registers a ruleset reads: the register file of <c>VcpuState</c> and the width of a decision record's register byte.</summary>
    public const int MaxRegisters = 32;
}
