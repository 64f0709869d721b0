using System.Collections.Generic;

namespace NvTrap.Cli.Text;

/// <summary>Names of the common ESR exception classes, so a wrong ESR is recognisable in a message.</summary>
internal static class ExceptionClasses
{
    private static readonly Dictionary<uint, string> Names = new()
    {
        [0x00] = "unknown reason",
        [0x01] = "trapped WFI or WFE",
        [0x07] = "SVE, SIMD or floating-point access",
        [0x0E] = "illegal execution state",
        [0x15] = "SVC in AArch64",
        [0x16] = "HVC in AArch64",
        [0x17] = "SMC in AArch64",
        [0x18] = "trapped MSR, MRS or System instruction",
        [0x19] = "SVE access",
        [0x1A] = "trapped ERET",
        [0x20] = "instruction abort from a lower exception level",
        [0x21] = "instruction abort without a change of exception level",
        [0x22] = "PC alignment fault",
        [0x24] = "data abort from a lower exception level",
        [0x25] = "data abort without a change of exception level",
        [0x26] = "SP alignment fault",
        [0x2C] = "floating-point exception",
        [0x2F] = "SError",
        [0x30] = "breakpoint from a lower exception level",
        [0x31] = "breakpoint without a change of exception level",
        [0x32] = "software step from a lower exception level",
        [0x33] = "software step without a change of exception level",
        [0x34] = "watchpoint from a lower exception level",
        [0x35] = "watchpoint without a change of exception level",
        [0x3C] = "BRK instruction",
    };

    /// <summary>"EC 0x25 (data abort without a change of exception level)".</summary>
    public static string Describe(uint exceptionClass) => "EC " + Value(exceptionClass);

    /// <summary>"0x25 (data abort without a change of exception level)", or just the number for a rare class.</summary>
    public static string Value(uint exceptionClass) =>
        Names.TryGetValue(exceptionClass, out string? name) ? $"0x{exceptionClass:X2} ({name})" : $"0x{exceptionClass:X2}";
}
