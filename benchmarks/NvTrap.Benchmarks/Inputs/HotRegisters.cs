namespace NvTrap.Benchmarks.Inputs;

/// <summary>
/// The 16 encodings of the hot pattern: what a nested guest kernel traps on most (virtual memory
/// control, thread pointers, the EL1 physical timer, SGIs, TLB and cache maintenance, the cycle
/// counter). Chosen to cover every path: coarse controls, combinations, conditions, fine-grained
/// bits with and without a coarse group.
/// </summary>
internal static class HotRegisters
{
    public static readonly string[] Names =
    {
        "SCTLR_EL1", "TTBR0_EL1", "TTBR1_EL1", "TCR_EL1", "ESR_EL1", "FAR_EL1", "MAIR_EL1", "CONTEXTIDR_EL1",
        "TPIDR_EL1", "TPIDR_EL0", "CNTP_CTL_EL0", "CNTP_CVAL_EL0", "ICC_SGI1R_EL1", "TLBI_VMALLE1IS", "DC_CIVAC", "PMCCNTR_EL0",
    };

    /// <summary>The encodings, resolved through the ruleset's catalogue; each must be configured.</summary>
    public static ushort[] Resolve(LinuxRuleset linux)
    {
        var byName = linux.Bound.Catalogue.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Encoding);
        return Names.Select(name =>
        {
            if (!byName.TryGetValue(name, out ushort encoding))
            {
                throw new InvalidOperationException($"Hot register {name} is not in the {LinuxRuleset.Name} catalogue.");
            }

            if (Linux66Traps.LookupConfig(new SysRegEncoding(encoding)) == 0)
            {
                throw new InvalidOperationException($"Hot register {name} has no trap configuration in {LinuxRuleset.Name}.");
            }

            return encoding;
        }).ToArray();
    }
}
