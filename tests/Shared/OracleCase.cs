namespace NvTrap.Testing;

using NvTrap.Testing.Reference;
using KernelEncoding = NvTrap.Testing.Reference.SysRegEncoding;

/// <summary>What every kernel oracle's random cases (<see cref="Linux66Cases"/>, <see cref="Linux71Cases"/>) share: reading an oracle's answer and printing a case.</summary>
internal static class OracleCase
{
    /// <summary>An oracle's decision as the product's outcome.</summary>
    public static TrapOutcome Outcome(ReferenceDecision decision) => decision switch
    {
        ReferenceDecision.Forward => TrapOutcome.Forward,
        ReferenceDecision.Local => TrapOutcome.Local,
        _ => TrapOutcome.Undefined,
    };

    /// <summary>A case in one line: ESR, access, nesting, EL and every register the oracle reads.</summary>
    public static string Describe(ulong esr, bool nestedVirt, int el, IEnumerable<(string Name, ulong Value)> registers)
    {
        ulong ec = (esr >> 26) & 0x3F;
        string access = ec == 0x18
            ? $"{KernelEncoding.FromEsr(esr)} {((esr & 1) != 0 ? "read" : "write")} rt={(esr >> 5) & 31}"
            : $"EC 0x{ec:X2}";
        return $"ESR 0x{esr:X8} ({access}) nv={(nestedVirt ? 1 : 0)} el={el} "
            + string.Join(" ", registers.Select(r => $"{r.Name}=0x{r.Value:X16}"));
    }
}
