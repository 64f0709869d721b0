#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>The kind of a coarse group, as stored in the group tables.</summary>
public enum RuleGroupKind : byte
{
    /// <summary>Group id 0: no coarse group.</summary>
    None,

    /// <summary>One register, a mask, a value and a behaviour.</summary>
    Control,

    /// <summary>The OR of several controls and conditions (the kernel's MCB).</summary>
    Combination,

    /// <summary>Logic a mask cannot express (the kernel's CCC).</summary>
    Condition,
}
