namespace NvTrap.Testing.Reference;

/// <summary>
/// One encoding's trap configuration as read by hand from the kernel source: the coarse group
/// (without CGT_) or null, and the fine-grained group (as the table writes it), bit, polarity and
/// filter, or null.
/// </summary>
internal sealed record SpotEntry(SysRegEncoding Encoding, string? Coarse, string? FineGroup, int Bit, int Polarity, string? Filter, string Note)
{
    public static SpotEntry C(int op0, int op1, int crn, int crm, int op2, string coarse, string note) =>
        new(new(op0, op1, crn, crm, op2), coarse, null, 0, 0, null, note);

    public static SpotEntry CF(int op0, int op1, int crn, int crm, int op2, string? coarse, string group, int bit, int polarity, string note) =>
        new(new(op0, op1, crn, crm, op2), coarse, group, bit, polarity, null, note);

    public static SpotEntry CX(int op0, int op1, int crn, int crm, int op2, string? coarse, string group, int bit, int polarity, string filter, string note) =>
        new(new(op0, op1, crn, crm, op2), coarse, group, bit, polarity, filter, note);
}

/// <summary>
/// Encodings typed by hand from the 7.1-era emulate-nested.c (the SR_TRAP/SR_FGT lines), with the
/// numbers looked up by hand in arch/arm64/tools/sysreg and sysreg.h. Not generated: this list is
/// a check on the extractor that produced <see cref="Linux71Table"/>, so it must not come from it.
/// It covers every fine-grained group, every complex condition, the nXS filter, coarse ranges and
/// combinations.
/// </summary>
internal static class Spot71
{
    public static readonly SpotEntry[] Entries =
    [
        // Identification registers: coarse and HFGRTR.
        SpotEntry.CF(3, 0, 0, 0, 6, "HCR_TID1", "HFGRTR", 28, 1, "REVIDR_EL1"),
        SpotEntry.CF(3, 1, 0, 0, 7, "HCR_TID1", "HFGRTR", 2, 1, "AIDR_EL1"),
        SpotEntry.C(3, 1, 0, 0, 6, "HCR_TID1", "SMIDR_EL1: no fine-grained trap"),
        SpotEntry.CF(3, 3, 0, 0, 1, "HCR_TID2", "HFGRTR", 14, 1, "CTR_EL0"),
        SpotEntry.CF(3, 1, 0, 0, 0, "HCR_TID2_TID4", "HFGRTR", 9, 1, "CCSIDR_EL1 (combination)"),
        SpotEntry.C(3, 1, 0, 0, 4, "HCR_TID5", "GMID_EL1"),

        // Virtual memory controls: combinations, positive and negative HFGRTR bits.
        SpotEntry.CF(3, 0, 2, 0, 0, "HCR_TVM_TRVM", "HFGRTR", 36, 1, "TTBR0_EL1 (combination)"),
        SpotEntry.CF(3, 3, 13, 0, 5, null, "HFGRTR", 55, 0, "TPIDR2_EL0: fine-grained only, nTPIDR2_EL0"),
        SpotEntry.CF(3, 0, 10, 2, 4, "HCR_TVM_TRVM", "HFGRTR", 60, 0, "POR_EL1: nPOR_EL1"),
        SpotEntry.CF(3, 0, 2, 0, 3, "HCR_TVM_TRVM_HCRX_TCR2En", "HFGRTR", 32, 1, "TCR2_EL1: shares TCR_EL1's bit"),
        SpotEntry.CF(3, 0, 1, 0, 3, "HCR_TVM_TRVM_HCRX_SCTLR2En", "HFGRTR", 29, 1, "SCTLR2_EL1: shares SCTLR_EL1's bit"),
        SpotEntry.CF(3, 0, 10, 4, 3, "HCR_TLOR", "HFGRTR", 19, 1, "LORC_EL1"),
        SpotEntry.CF(3, 0, 5, 4, 3, "HCR_TERR", "HFGRTR", 49, 1, "ERXADDR_EL1"),
        SpotEntry.CF(3, 0, 2, 1, 0, "HCR_APK", "HFGRTR", 7, 1, "APIAKEYLO_EL1: APIAKey"),
        SpotEntry.CF(3, 0, 13, 0, 7, "HCR_NV1_nNV2_ENSCXT", "HFGRTR", 30, 1, "SCXTNUM_EL1 (combination)"),
        SpotEntry.CF(3, 0, 12, 12, 7, "ICH_HCR_TALL1", "HFGRTR", 39, 1, "ICC_IGRPEN1_EL1: ICC_IGRPENn_EL1"),

        // Instructions: HFGITR, and the nXS TLBIs with the HCRX_EL2.FGTnXS filter.
        SpotEntry.CF(1, 0, 8, 3, 1, "HCR_TTLB_TTLBIS", "HFGITR", 29, 1, "TLBI VAE1IS (combination)"),
        SpotEntry.CX(1, 0, 9, 7, 1, "HCR_TTLB", "HFGITR", 43, 1, "HCRX_FGTnXS", "TLBI VAE1NXS: TLBIVAE1"),
        SpotEntry.CX(1, 0, 9, 3, 0, "HCR_TTLB_TTLBIS", "HFGITR", 28, 1, "HCRX_FGTnXS", "TLBI VMALLE1ISNXS: TLBIVMALLE1IS"),
        SpotEntry.CX(1, 0, 9, 1, 1, "HCR_TTLB_TTLBOS", "HFGITR", 19, 1, "HCRX_FGTnXS", "TLBI VAE1OSNXS: TLBIVAE1OS"),
        SpotEntry.CF(1, 0, 7, 8, 0, "HCR_AT", "HFGITR", 12, 1, "AT S1E1R"),
        SpotEntry.CF(1, 3, 7, 4, 1, "HCR_TDZ", "HFGITR", 11, 1, "DC ZVA"),
        SpotEntry.CF(1, 0, 7, 14, 2, "HCR_TSW", "HFGITR", 6, 1, "DC CISW"),
        SpotEntry.CF(1, 3, 7, 5, 1, "HCR_TPU_TOCU", "HFGITR", 2, 1, "IC IVAU (combination)"),

        // Debug and PMU: HDFGRTR, and HDFGWTR (an alias of the HDFGRTR group) for write-only registers.
        SpotEntry.CF(2, 0, 1, 1, 4, "MDCR_TDE_TDOSA", "HDFGRTR", 9, 1, "OSLSR_EL1"),
        SpotEntry.CF(2, 0, 1, 0, 4, "MDCR_TDE_TDOSA", "HDFGWTR", 8, 1, "OSLAR_EL1"),
        SpotEntry.CF(3, 3, 9, 12, 4, "MDCR_TPM", "HDFGWTR", 20, 1, "PMSWINC_EL0"),
        SpotEntry.CF(3, 3, 9, 12, 0, "MDCR_TPM_TPMCR", "HDFGWTR", 21, 1, "PMCR_EL0 (combination)"),
        SpotEntry.CF(3, 0, 1, 2, 1, "MDCR_TTRF", "HDFGWTR", 49, 1, "TRFCR_EL1"),
        SpotEntry.CF(2, 1, 0, 1, 0, "CPTR_TTA", "HDFGRTR", 44, 1, "TRCPRGCTLR: in the op0=2/op1=1 trace range"),
        SpotEntry.CF(2, 1, 0, 3, 0, "CPTR_TTA", "HDFGRTR", 47, 1, "TRCSTATR: in the trace range"),
        SpotEntry.C(2, 1, 7, 15, 7, "CPTR_TTA", "last encoding of the trace range"),
        SpotEntry.CF(3, 3, 14, 8, 5, "MDCR_TPM_HPMN", "HDFGRTR", 12, 1, "PMEVCNTR5_EL0: fine-grained range PMEVCNTRn_EL0"),
        SpotEntry.CF(3, 3, 14, 12, 0, "MDCR_TPM_HPMN", "HDFGRTR", 13, 1, "PMEVTYPER0_EL0: first of the PMEVTYPERn_EL0 range"),
        SpotEntry.CF(3, 3, 14, 15, 6, "MDCR_TPM_HPMN", "HDFGRTR", 13, 1, "PMEVTYPER30_EL0: last of the PMEVTYPERn_EL0 range"),
        SpotEntry.C(3, 3, 9, 13, 2, "MDCR_TPM_HPMN", "PMXEVCNTR_EL0: HPMN through PMSELR_EL0.SEL"),

        // Activity monitors: HAFGRTR.
        SpotEntry.CF(3, 3, 13, 15, 7, "CPTR_TAM", "HAFGRTR", 49, 1, "AMEVTYPER1_EL0(15): AMEVTYPER115_EL0"),

        // The second-generation registers: HFGRTR2, HDFGRTR2, HDFGWTR2, HFGITR2.
        SpotEntry.CF(3, 0, 1, 4, 5, null, "HFGRTR2", 14, 0, "ACTLRALIAS_EL1: nACTLRALIAS_EL1"),
        SpotEntry.CF(3, 3, 9, 4, 0, null, "HDFGRTR2", 2, 0, "PMICNTR_EL0: nPMICNTR_EL0"),
        SpotEntry.CF(3, 3, 9, 13, 4, null, "HDFGWTR2", 21, 0, "PMZR_EL0: nPMZR_EL0"),
        SpotEntry.CF(2, 0, 14, 8, 3, null, "HDFGRTR2", 6, 0, "PMEVCNTSVR3_EL1: fine-grained range, nPMSSDATA"),
        SpotEntry.CF(2, 3, 14, 1, 7, null, "HDFGRTR2", 8, 0, "SPMEVCNTR15_EL0: last of a fine-grained range"),
        SpotEntry.CF(1, 0, 7, 15, 1, null, "HFGITR2", 1, 0, "DC CIVAPS: nDCCIVAPS"),

        // GICv5: ICH_HFGRTR and ICH_HFGITR.
        SpotEntry.CF(3, 1, 12, 0, 0, null, "ICH_HFGRTR", 0, 0, "ICC_APR_EL1"),
        SpotEntry.CF(3, 0, 12, 10, 2, null, "ICH_HFGRTR", 1, 0, "ICC_IDR0_EL1: ICC_IDRn_EL1"),
        SpotEntry.CF(1, 0, 12, 1, 0, null, "ICH_HFGITR", 1, 0, "GIC CDDIS"),
        SpotEntry.CF(1, 0, 12, 3, 0, null, "ICH_HFGITR", 9, 0, "GICR CDIA"),

        // The complex conditions.
        SpotEntry.C(3, 3, 14, 0, 1, "CNTHCTL_EL1PCTEN", "CNTPCT_EL0"),
        SpotEntry.C(3, 3, 14, 2, 1, "CNTHCTL_EL1PTEN", "CNTP_CTL_EL0"),
        SpotEntry.C(3, 5, 14, 2, 1, "CNTHCTL_EL1NVPCT", "CNTP_CTL_EL02"),
        SpotEntry.C(3, 5, 14, 3, 2, "CNTHCTL_EL1NVVCT", "CNTV_CVAL_EL02"),

        // Other combinations and controls.
        SpotEntry.C(3, 0, 12, 11, 5, "HCR_IMO_FMO_ICH_HCR_TC", "ICC_SGI1R_EL1 (combination)"),
        SpotEntry.C(2, 3, 0, 1, 0, "MDCR_TDCC_TDE_TDA", "MDCCSR_EL0 (combination)"),
        SpotEntry.C(2, 0, 0, 2, 0, "MDCR_TDCC_TDE_TDA", "MDCCINT_EL1 (combination)"),
        SpotEntry.C(3, 0, 12, 11, 1, "ICH_HCR_TC_TDIR", "ICC_DIR_EL1 (combination)"),
        SpotEntry.C(3, 0, 4, 6, 0, "ICH_HCR_TC", "ICC_PMR_EL1"),
        SpotEntry.C(3, 0, 12, 8, 0, "ICH_HCR_TALL0", "ICC_IAR0_EL1"),
        SpotEntry.C(3, 0, 12, 8, 3, "ICH_HCR_TALL0", "ICC_BPR0_EL1"),
        SpotEntry.C(3, 3, 14, 0, 2, "CNTHCTL_EL1TVCT", "CNTVCT_EL0"),
        SpotEntry.C(3, 3, 14, 3, 0, "CNTHCTL_EL1TVT", "CNTV_TVAL_EL0"),
        SpotEntry.C(3, 3, 4, 4, 2, "HCRX_EnFPM", "FPMR"),

        // Coarse ranges and EL2 registers.
        SpotEntry.C(3, 0, 0, 4, 0, "HCR_TID3", "ID_AA64PFR0_EL1, inside the ID register range"),
        SpotEntry.C(3, 0, 11, 5, 3, "HCR_TIDCP", "inside the op1=0, CRn=11 IMPDEF range"),
        SpotEntry.C(3, 5, 1, 0, 0, "HCR_NV", "SCTLR_EL12, inside the first _EL12/_EL02 range"),
        SpotEntry.C(3, 5, 13, 0, 1, "HCR_NV", "CONTEXTIDR_EL12, inside the second _EL12/_EL02 range"),
        SpotEntry.C(3, 4, 1, 1, 0, "HCR_NV", "HCR_EL2, first of the HCR_EL2..HCRX_EL2 range"),
        SpotEntry.C(3, 4, 1, 2, 2, "HCR_NV", "HCRX_EL2, last of that range"),
        SpotEntry.C(3, 4, 14, 1, 0, "HCR_NV", "CNTHCTL_EL2"),
        SpotEntry.C(3, 4, 4, 0, 0, "HCR_NV", "SPSR_EL2"),
        SpotEntry.C(1, 4, 7, 8, 0, "HCR_NV", "AT S1E2R"),
        SpotEntry.C(1, 4, 8, 7, 4, "HCR_NV", "TLBI ALLE1"),
    ];
}

/// <summary>A few encodings typed by hand from v6.6's emulate-nested.c, checked the same way.</summary>
internal static class Spot66
{
    public static readonly SpotEntry[] Entries =
    [
        SpotEntry.CF(3, 0, 0, 0, 6, "HCR_TID1", "HFGxTR", 28, 1, "REVIDR_EL1"),
        SpotEntry.CF(3, 0, 2, 0, 0, "HCR_TVM_TRVM", "HFGxTR", 36, 1, "TTBR0_EL1"),
        SpotEntry.CF(3, 3, 13, 0, 5, null, "HFGxTR", 55, 0, "TPIDR2_EL0: nTPIDR2_EL0"),
        SpotEntry.CF(3, 0, 1, 2, 4, null, "HFGxTR", 54, 0, "SMPRI_EL1: nSMPRI_EL1"),
        SpotEntry.CF(3, 0, 5, 4, 3, "HCR_TERR", "HFGxTR", 49, 1, "ERXADDR_EL1"),
        SpotEntry.CF(1, 0, 8, 3, 1, "HCR_TTLB_TTLBIS", "HFGITR", 29, 1, "TLBI VAE1IS"),
        SpotEntry.CF(1, 0, 7, 8, 0, "HCR_AT", "HFGITR", 12, 1, "AT S1E1R"),
        SpotEntry.C(3, 0, 12, 11, 5, "HCR_IMO_FMO", "ICC_SGI1R_EL1 (6.6's combination has no ICH_HCR_TC)"),
        SpotEntry.C(3, 3, 9, 12, 0, "MDCR_TPM_TPMCR", "PMCR_EL0"),
        SpotEntry.C(3, 3, 14, 0, 1, "CNTHCTL_EL1PCTEN", "CNTPCT_EL0"),
        SpotEntry.C(3, 3, 14, 2, 1, "CNTHCTL_EL1PTEN", "CNTP_CTL_EL0"),
        SpotEntry.C(3, 0, 0, 4, 0, "HCR_TID3", "ID_AA64PFR0_EL1, inside the ID register range"),
        SpotEntry.C(3, 5, 1, 0, 0, "HCR_NV", "SCTLR_EL12, inside the _EL12/_EL02 range"),
    ];
}
