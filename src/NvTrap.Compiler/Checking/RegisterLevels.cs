using System;
using NvTrap.Compiler.Contract;

namespace NvTrap.Compiler.Checking;

/// <summary>
/// Tells a register's exception level from its name (the architecture's <c>_EL0</c>..<c>_EL3</c>,
/// <c>_EL12</c> and <c>_EL02</c> suffixes) or, for an encoding with no such name, from op1 in the
/// register spaces, as the architecture allocates them: op1 says the lowest level that may access
/// the register. Names without a suffix (trace registers, AArch32 banked registers, instructions)
/// and the instruction space (op0 0 and 1) have no level here.
/// </summary>
internal static class RegisterLevels
{
    public static RegisterLevel? OfName(string name)
    {
        int at = name.LastIndexOf("_EL", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        return name.Substring(at + 3) switch
        {
            "0" => RegisterLevel.El0,
            "1" => RegisterLevel.El1,
            "2" => RegisterLevel.El2,
            "3" => RegisterLevel.El3,
            "12" or "02" => RegisterLevel.El2Alias,
            _ => null,
        };
    }

    public static RegisterLevel? OfEncoding(ushort encoding)
    {
        int op1 = EncodingLayout.Op1(encoding);
        return EncodingLayout.Op0(encoding) switch
        {
            3 => op1 switch
            {
                3 => RegisterLevel.El0,
                4 => RegisterLevel.El2,
                5 => RegisterLevel.El2Alias,
                6 => RegisterLevel.El3,
                _ => RegisterLevel.El1,
            },
            // The debug space: op1 1 is the trace unit, whose registers carry no level.
            2 => op1 switch
            {
                0 => RegisterLevel.El1,
                3 => RegisterLevel.El0,
                4 => RegisterLevel.El2,
                _ => null,
            },
            _ => null,
        };
    }

    public static string Display(RegisterLevel level) => level switch
    {
        RegisterLevel.El0 => "EL0",
        RegisterLevel.El1 => "EL1",
        RegisterLevel.El2 => "EL2",
        RegisterLevel.El3 => "EL3",
        RegisterLevel.El2Alias => "EL12/EL02",
    };
}
