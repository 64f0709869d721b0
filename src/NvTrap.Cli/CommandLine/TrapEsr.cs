using NvTrap.Cli.Text;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// The ESR that <c>decode</c> and <c>explain</c> take: that of a trapped MSR, MRS or System
/// instruction (EC 0x18). Any other is refused by both, in the same words and with the same exit
/// code (<see cref="ExitCodes.Usage"/>): it holds no system-register access to decode, and no
/// decision of this model to explain.
/// </summary>
internal static class TrapEsr
{
    /// <summary>True, after saying why on the error writer, when <paramref name="esr"/> is not EC 0x18.</summary>
    public static bool Refused(CliContext context, string command, Esr esr)
    {
        if (esr.IsSysRegTrap)
        {
            return false;
        }

        context.Error.WriteLine($"nvtrap {command}: ESR {HexValue.Format(esr.Value)} has {ExceptionClasses.Describe(esr.ExceptionClass)}, not EC 0x18: "
            + $"it is not a trapped MSR, MRS or System instruction, so it holds no system-register access to {command}.");
        return true;
    }
}
