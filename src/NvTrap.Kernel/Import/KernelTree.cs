using System.Collections.Generic;

namespace NvTrap.Kernel.Import;

/// <summary>The files of a kernel tree the import reads, relative to its root, in the order the kernel includes them.</summary>
internal static class KernelTree
{
    public const string Tables = "arch/arm64/kvm/emulate-nested.c";

    public const string SysregFile = "arch/arm64/tools/sysreg";

    /// <summary>Headers whose #defines and enums the tables use; read before the tables, in this order.</summary>
    public static readonly IReadOnlyList<string> Headers = new[]
    {
        "arch/arm64/include/asm/sysreg.h",
        "include/clocksource/arm_arch_timer.h",
        "arch/arm64/include/asm/kvm_arm.h",
        "arch/arm64/include/asm/kvm_host.h",
    };
}
