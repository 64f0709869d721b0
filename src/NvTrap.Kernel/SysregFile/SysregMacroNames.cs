using System.Collections.Generic;

namespace NvTrap.Kernel.SysregFile;

/// <summary>
/// The names of the macros the kernel's build generates from arch/arm64/tools/sysreg, in one
/// place: the reader defines them, and the exporter keeps rule names from colliding with them.
/// </summary>
internal static class SysregMacroNames
{
    /// <summary>The encoding's macros of a <c>Sysreg</c> block, in the order of <see cref="EncodingValues"/>.</summary>
    public static string[] Encoding(string register) =>
        new[] { "REG_" + register, "SYS_" + register, $"SYS_{register}_Op0", $"SYS_{register}_Op1", $"SYS_{register}_CRn", $"SYS_{register}_CRm", $"SYS_{register}_Op2" };

    /// <summary>The bodies of <see cref="Encoding"/>'s macros for an encoding.</summary>
    public static string[] EncodingValues(int op0, int op1, int crn, int crm, int op2) =>
        new[] { $"S{op0}_{op1}_C{crn}_C{crm}_{op2}", $"sys_reg({op0}, {op1}, {crn}, {crm}, {op2})", $"{op0}", $"{op1}", $"{crn}", $"{crm}", $"{op2}" };

    /// <summary>The reserved-bit macros of a block (or a <c>Prefix</c> layout): <c>&lt;prefix&gt;RES0</c>, <c>RES1</c>, <c>UNKN</c>.</summary>
    public const string Res0 = "RES0";

    public const string Res1 = "RES1";

    public const string Unknown = "UNKN";

    /// <summary>A field's macros: its mask by its own name, then <c>_MASK</c>, <c>_SHIFT</c> and <c>_WIDTH</c>.</summary>
    public static string[] Field(string prefix, string field) =>
        new[] { prefix + field, $"{prefix}{field}_MASK", $"{prefix}{field}_SHIFT", $"{prefix}{field}_WIDTH" };

    /// <summary>Every macro a register's block defines, the enum values of its fields aside.</summary>
    public static IEnumerable<string> All(string register, bool hasEncoding, IEnumerable<string> fields)
    {
        if (hasEncoding)
        {
            foreach (string name in Encoding(register))
            {
                yield return name;
            }
        }

        foreach (string reserved in new[] { Res0, Res1, Unknown })
        {
            yield return $"{register}_{reserved}";
        }

        foreach (string field in fields)
        {
            foreach (string name in Field(register + "_", field))
            {
                yield return name;
            }
        }
    }
}
