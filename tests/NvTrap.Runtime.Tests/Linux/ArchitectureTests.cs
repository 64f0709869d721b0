using NvTrap.Runtime.Tests.Reference;

namespace NvTrap.Runtime.Tests.Linux;

/// <summary>
/// Hand-written cases from the architecture and the kernel's table, each a single access with
/// the trap controls a guest hypervisor would set. Every case also runs through the reference
/// model, so a wrong expectation cannot hide behind a matching bug.
/// </summary>
public class ArchitectureTests : IClassFixture<LinuxRulesetFixture>
{
    // HCR_EL2 bits
    private const ulong Imo = 1UL << 4, Tid2 = 1UL << 17, Tid3 = 1UL << 18, Tidcp = 1UL << 20, Ttlb = 1UL << 25, Tvm = 1UL << 26;
    private const ulong Tge = 1UL << 27, Tdz = 1UL << 28, Trvm = 1UL << 30, E2h = 1UL << 34, Apk = 1UL << 40, Nv = 1UL << 42;
    private const ulong Nv1 = 1UL << 43, Nv2 = 1UL << 45, Tid4 = 1UL << 49, Ttlbis = 1UL << 54, Ttlbos = 1UL << 55;

    // MDCR_EL2 bits
    private const ulong Tpmcr = 1UL << 5, Tpm = 1UL << 6, Tde = 1UL << 8, Tda = 1UL << 9, E2pbLow = 1UL << 12;

    private readonly LinuxRulesetFixture _linux;

    public ArchitectureTests(LinuxRulesetFixture linux) => _linux = linux;

    public static TheoryData<string, string, bool, string, bool> Cases => new()
    {
        // description, register or generic encoding, read?, state, forwards?
        { "SCTLR_EL1 write with HCR_EL2.TVM forwards", "SCTLR_EL1", false, "hcr=TVM", true },
        { "SCTLR_EL1 read with HCR_EL2.TVM does not", "SCTLR_EL1", true, "hcr=TVM", false },
        { "SCTLR_EL1 read with HCR_EL2.TRVM forwards", "SCTLR_EL1", true, "hcr=TRVM", true },
        { "SCTLR_EL1 write with HCR_EL2.TRVM does not", "SCTLR_EL1", false, "hcr=TRVM", false },
        { "TTBR0_EL1 write with TVM forwards", "TTBR0_EL1", false, "hcr=TVM", true },
        { "CNTPCT_EL0, E2H=0, CNTHCTL_EL2[0] clear forwards", "CNTPCT_EL0", true, "cnthctl=0", true },
        { "CNTPCT_EL0, E2H=0, CNTHCTL_EL2[0] set does not", "CNTPCT_EL0", true, "cnthctl=0x1", false },
        { "CNTPCT_EL0, E2H=1, bit 10 clear forwards even with bit 0 set", "CNTPCT_EL0", true, "hcr=E2H cnthctl=0x1", true },
        { "CNTPCT_EL0, E2H=1, bit 10 set does not", "CNTPCT_EL0", true, "hcr=E2H cnthctl=0x400", false },
        { "CNTP_CTL_EL0, E2H=0, CNTHCTL_EL2[1] clear forwards", "CNTP_CTL_EL0", false, "cnthctl=0x1", true },
        { "CNTP_CTL_EL0, E2H=0, CNTHCTL_EL2[1] set does not", "CNTP_CTL_EL0", false, "cnthctl=0x2", false },
        { "CNTP_CVAL_EL0, E2H=1, bit 11 set does not", "CNTP_CVAL_EL0", true, "hcr=E2H cnthctl=0x800", false },
        { "SP_EL1 with NV=1, NV2=0 forwards", "SP_EL1", true, "hcr=NV", true },
        { "SP_EL1 with NV=1, NV2=1 does not", "SP_EL1", true, "hcr=NV|NV2", false },
        { "SP_EL1 with NV=0 does not", "SP_EL1", false, "hcr=0", false },
        { "VBAR_EL1 with NV, NV1 and not NV2 forwards", "VBAR_EL1", false, "hcr=NV|NV1", true },
        { "VBAR_EL1 with NV alone does not", "VBAR_EL1", false, "hcr=NV", false },
        { "APIAKEYLO_EL1 read with HCR_EL2.APK clear forwards", "APIAKEYLO_EL1", true, "hcr=0", true },
        { "APIAKEYLO_EL1 read with HCR_EL2.APK set does not", "APIAKEYLO_EL1", true, "hcr=APK", false },
        { "TPIDR2_EL0 read with HFGRTR_EL2.nTPIDR2_EL0 clear forwards", "TPIDR2_EL0", true, "hcr=APK", true },
        { "TPIDR2_EL0 read with HFGRTR_EL2.nTPIDR2_EL0 set does not", "TPIDR2_EL0", true, "hfgrtr=0x0080000000000000", false },
        { "MIDR_EL1 write never forwards through HFGWTR_EL2 (bit is RES0 there)", "MIDR_EL1", false, "hfgwtr=ALL hfgrtr=ALL", false },
        { "MIDR_EL1 read forwards through HFGRTR_EL2.MIDR_EL1", "MIDR_EL1", true, "hfgrtr=0x0000000002000000", true },
        { "S0_0_C0_C0_0 never forwards", "S0_0_C0_C0_0", true, "hcr=ALL mdcr=ALL hfgrtr=ALL", false },
        { "ID_AA64PFR0_EL1 read with TID3 forwards", "S3_0_C0_C4_0", true, "hcr=TID3", true },
        { "ID_AA64PFR0_EL1 write with TID3 does not (TID3 forwards reads)", "S3_0_C0_C4_0", false, "hcr=TID3", false },
        { "IMPLEMENTATION DEFINED S3_3_C11_C5_2 with TIDCP forwards", "S3_3_C11_C5_2", true, "hcr=TIDCP", true },
        { "IMPLEMENTATION DEFINED S3_0_C15_C2_0 write with TIDCP forwards", "S3_0_C15_C2_0", false, "hcr=TIDCP", true },
        { "CTR_EL0 read with TID2 forwards", "CTR_EL0", true, "hcr=TID2", true },
        { "CCSIDR_EL1 read with TID4 forwards (TID2_TID4)", "CCSIDR_EL1", true, "hcr=TID4", true },
        { "TLBI VMALLE1IS with TTLBIS forwards", "TLBI_VMALLE1IS", false, "hcr=TTLBIS", true },
        { "TLBI VMALLE1IS with TTLBOS does not", "TLBI_VMALLE1IS", false, "hcr=TTLBOS", false },
        { "TLBI VMALLE1 with TTLB forwards", "TLBI_VMALLE1", false, "hcr=TTLB", true },
        { "DC ZVA with TDZ forwards", "DC_ZVA", false, "hcr=TDZ", true },
        { "ICC_SGI1R_EL1 write with IMO forwards", "ICC_SGI1R_EL1", false, "hcr=IMO", true },
        { "ICC_SGI1R_EL1 read with IMO does not (IMO forwards writes)", "ICC_SGI1R_EL1", true, "hcr=IMO", false },
        { "TLBI ALLE2 with NV forwards", "TLBI_ALLE2", false, "hcr=NV", true },
        { "ELR_EL2's encoding is left out of the kernel's NV ranges", "S3_4_C4_C0_1", true, "hcr=NV", false },
        { "HCR_EL2 access with NV forwards (all _EL2 registers)", "HCR_EL2", true, "hcr=NV", true },
        { "PMCR_EL0 read with MDCR_EL2.TPMCR forwards", "PMCR_EL0", true, "mdcr=TPMCR", true },
        { "PMEVCNTR30_EL0 with MDCR_EL2.TPM forwards", "PMEVCNTR30_EL0", false, "mdcr=TPM", true },
        { "DBGBVR15_EL1 with MDCR_EL2.TDE forwards", "DBGBVR15_EL1", true, "mdcr=TDE", true },
        { "DBGWCR15_EL1 with TDE does not: the kernel table stops at 14", "S2_0_C0_C15_7", true, "mdcr=TDE|TDA", false },
        { "DBGDTRRX_EL0 read with TDA forwards (shares DBGDTRTX_EL0's encoding)", "DBGDTRRX_EL0", true, "mdcr=TDA", true },
        { "PMBSR_EL1 with MDCR_EL2.E2PB = 0 forwards", "PMBSR_EL1", true, "mdcr=0", true },
        { "PMBSR_EL1 with the low bit of E2PB set does not", "PMBSR_EL1", true, "mdcr=E2PB0", false },
        { "DC CVAC with HFGITR_EL2.DCCVAC forwards by the fine-grained bit", "DC_CVAC", false, "hfgitr=DCCVAC", true },
        { "SCTLR_EL1 write from virtual EL2 is the hypervisor's own: local", "SCTLR_EL1", false, "hcr=TVM el=2", false },
        { "SCTLR_EL1 write from EL0 with E2H and TGE is the hypervisor's own: local", "SCTLR_EL1", false, "hcr=TVM|E2H|TGE el=0", false },
        { "SCTLR_EL1 write without nested virtualization: local", "SCTLR_EL1", false, "hcr=TVM nv=0", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string description, string register, bool isRead, string setup, bool forwards)
    {
        var encoding = Resolve(register);
        var state = Build(setup, out ulong[] registers);
        var esr = Esr.ForSysRegAccess(encoding, isRead);
        var decision = LinuxTraps.Decide(state, esr);
        Assert.True(forwards == decision.Forward, $"{description}: got {decision}\n{LinuxTraps.Explain(state, esr)}");
        Assert.True(forwards == _linux.Reference.Forward(state.HasNestedVirtualization, state.CurrentEl, registers, esr.Value), $"{description}: the reference model disagrees");
    }

    private SysRegEncoding Resolve(string register) =>
        SysRegEncoding.TryParse(register, out var encoding)
            ? encoding
            : new SysRegEncoding(_linux.Bound.Catalogue.Single(c => c.Name == register).Encoding);

    private LinuxTraps.State Build(string setup, out ulong[] registers)
    {
        var state = new LinuxTraps.State { HasNestedVirtualization = true, CurrentEl = ExceptionLevel.El1 };
        foreach (var part in setup.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (part.Split('=')[0], part.Split('=')[1]);
            switch (key)
            {
                case "hcr": state.HCR_EL2 = Bits(value); break;
                case "mdcr": state.MDCR_EL2 = Bits(value); break;
                case "cnthctl": state.CNTHCTL_EL2 = Bits(value); break;
                case "hfgrtr": state.HFGRTR_EL2 = Bits(value); break;
                case "hfgwtr": state.HFGWTR_EL2 = Bits(value); break;
                case "hfgitr": state.HFGITR_EL2 = Bits(value); break;
                case "el": state.CurrentEl = (ExceptionLevel)int.Parse(value); break;
                case "nv": state.HasNestedVirtualization = value == "1"; break;
                default: throw new ArgumentException(part);
            }
        }

        registers = _linux.Bound.Registers.Select(r => r.Name switch
        {
            "HCR_EL2" => state.HCR_EL2,
            "MDCR_EL2" => state.MDCR_EL2,
            "CNTHCTL_EL2" => state.CNTHCTL_EL2,
            "HFGRTR_EL2" => state.HFGRTR_EL2,
            "HFGWTR_EL2" => state.HFGWTR_EL2,
            "HFGITR_EL2" => state.HFGITR_EL2,
            _ => 0UL,
        }).ToArray();
        return state;
    }

    private static ulong Bits(string value) => value.Split('|').Aggregate(0UL, (acc, bit) => acc | bit switch
    {
        "ALL" => ulong.MaxValue,
        "TVM" => Tvm, "TRVM" => Trvm, "E2H" => E2h, "TGE" => Tge, "NV" => Nv, "NV1" => Nv1, "NV2" => Nv2, "APK" => Apk,
        "TID2" => Tid2, "TID3" => Tid3, "TID4" => Tid4, "TIDCP" => Tidcp, "TTLB" => Ttlb, "TTLBIS" => Ttlbis, "TTLBOS" => Ttlbos,
        "TDZ" => Tdz, "IMO" => Imo, "TPMCR" => Tpmcr, "TPM" => Tpm, "TDE" => Tde, "TDA" => Tda, "E2PB0" => E2pbLow,
        "DCCVAC" => 1UL << 54,
        _ => Convert.ToUInt64(bit, 16),
    });
}
