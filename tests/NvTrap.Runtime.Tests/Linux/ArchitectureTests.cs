using System.Text.RegularExpressions;
using NvTrap.Testing.Reference;

namespace NvTrap.Runtime.Tests.Linux;

/// <summary>
/// Hand-written cases from the architecture and the kernel's table, each a single access with
/// the trap controls a guest hypervisor would set. Every case also runs through
/// <see cref="Linux66Reference"/>, the kernel oracle, so a wrong expectation cannot hide behind a
/// matching bug. Register names resolve through the table below, typed from the kernel's
/// definitions, not through the rules' catalogue; the ESR is composed here bit by bit.
/// </summary>
public partial class ArchitectureTests
{
    // HCR_EL2 bits
    private const ulong Imo = 1UL << 4, Tid2 = 1UL << 17, Tid3 = 1UL << 18, Tidcp = 1UL << 20, Ttlb = 1UL << 25, Tvm = 1UL << 26;
    private const ulong Tge = 1UL << 27, Tdz = 1UL << 28, Trvm = 1UL << 30, E2h = 1UL << 34, Apk = 1UL << 40, Nv = 1UL << 42;
    private const ulong Nv1 = 1UL << 43, Nv2 = 1UL << 45, Tid4 = 1UL << 49, Ttlbis = 1UL << 54, Ttlbos = 1UL << 55;

    // MDCR_EL2 bits
    private const ulong Tpmcr = 1UL << 5, Tpm = 1UL << 6, Tde = 1UL << 8, Tda = 1UL << 9, E2pbLow = 1UL << 12;

    private static readonly Linux66Reference Kernel = new();

    /// <summary>
    /// The architectural encodings (op0, op1, CRn, CRm, op2) of the registers and instructions the
    /// cases name, as Linux 6.6 defines them: arch/arm64/tools/sysreg (Sysreg lines) or
    /// arch/arm64/include/asm/sysreg.h (sys_reg / sys_insn macros), which follow the Arm ARM.
    /// </summary>
    private static readonly Dictionary<string, (int Op0, int Op1, int CRn, int CRm, int Op2)> Encodings = new()
    {
        ["SCTLR_EL1"] = (3, 0, 1, 0, 0),          // tools/sysreg: Sysreg SCTLR_EL1 3 0 1 0 0
        ["TTBR0_EL1"] = (3, 0, 2, 0, 0),          // tools/sysreg: Sysreg TTBR0_EL1 3 0 2 0 0
        ["CNTPCT_EL0"] = (3, 3, 14, 0, 1),        // sysreg.h: SYS_CNTPCT_EL0 sys_reg(3, 3, 14, 0, 1)
        ["CNTP_CTL_EL0"] = (3, 3, 14, 2, 1),      // sysreg.h: SYS_CNTP_CTL_EL0 sys_reg(3, 3, 14, 2, 1)
        ["CNTP_CVAL_EL0"] = (3, 3, 14, 2, 2),     // sysreg.h: SYS_CNTP_CVAL_EL0 sys_reg(3, 3, 14, 2, 2)
        ["SP_EL1"] = (3, 4, 4, 1, 0),             // sysreg.h: SYS_SP_EL1 sys_reg(3, 4, 4, 1, 0)
        ["VBAR_EL1"] = (3, 0, 12, 0, 0),          // sysreg.h: SYS_VBAR_EL1 sys_reg(3, 0, 12, 0, 0)
        ["APIAKEYLO_EL1"] = (3, 0, 2, 1, 0),      // sysreg.h: SYS_APIAKEYLO_EL1 sys_reg(3, 0, 2, 1, 0)
        ["TPIDR2_EL0"] = (3, 3, 13, 0, 5),        // sysreg.h: SYS_TPIDR2_EL0 sys_reg(3, 3, 13, 0, 5)
        ["MIDR_EL1"] = (3, 0, 0, 0, 0),           // sysreg.h: SYS_MIDR_EL1 sys_reg(3, 0, 0, 0, 0)
        ["CTR_EL0"] = (3, 3, 0, 0, 1),            // tools/sysreg: Sysreg CTR_EL0 3 3 0 0 1
        ["CCSIDR_EL1"] = (3, 1, 0, 0, 0),         // tools/sysreg: Sysreg CCSIDR_EL1 3 1 0 0 0
        ["TLBI_VMALLE1IS"] = (1, 0, 8, 3, 0),     // sysreg.h: OP_TLBI_VMALLE1IS sys_insn(1, 0, 8, 3, 0)
        ["TLBI_VMALLE1"] = (1, 0, 8, 7, 0),       // sysreg.h: OP_TLBI_VMALLE1 sys_insn(1, 0, 8, 7, 0)
        ["DC_ZVA"] = (1, 3, 7, 4, 1),             // sysreg.h: SYS_DC_ZVA sys_insn(1, 3, 7, 4, 1)
        ["ICC_SGI1R_EL1"] = (3, 0, 12, 11, 5),    // sysreg.h: SYS_ICC_SGI1R_EL1 sys_reg(3, 0, 12, 11, 5)
        ["TLBI_ALLE2"] = (1, 4, 8, 7, 0),         // sysreg.h: OP_TLBI_ALLE2 sys_insn(1, 4, 8, 7, 0)
        ["HCR_EL2"] = (3, 4, 1, 1, 0),            // sysreg.h: SYS_HCR_EL2 sys_reg(3, 4, 1, 1, 0)
        ["PMCR_EL0"] = (3, 3, 9, 12, 0),          // sysreg.h: SYS_PMCR_EL0 sys_reg(3, 3, 9, 12, 0)
        ["PMEVCNTR30_EL0"] = (3, 3, 14, 11, 6),   // sysreg.h: SYS_PMEVCNTRn_EL0(30): CRm 0x8 | (30 >> 3 & 3), op2 30 & 7
        ["DBGBVR15_EL1"] = (2, 0, 0, 15, 4),      // sysreg.h: SYS_DBGBVRn_EL1(15) sys_reg(2, 0, 0, 15, 4)
        ["DBGDTRRX_EL0"] = (2, 3, 0, 5, 0),       // sysreg.h: SYS_DBGDTRRX_EL0 sys_reg(2, 3, 0, 5, 0), as DBGDTRTX_EL0
        ["PMBSR_EL1"] = (3, 0, 9, 10, 3),         // tools/sysreg: Sysreg PMBSR_EL1 3 0 9 10 3
        ["DC_CVAC"] = (1, 3, 7, 10, 1),           // sysreg.h: SYS_DC_CVAC sys_insn(1, 3, 7, 10, 1)
    };

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
        var (op0, op1, crn, crm, op2) = Resolve(register);

        // ESR_EL2 of the trapped access: EC 0x18, IL, and the ISS: Op0 [21:20], Op2 [19:17],
        // Op1 [16:14], CRn [13:10], Rt [9:5] (x0 here), CRm [4:1], direction [0] (1: read).
        ulong esr = (0x18UL << 26) | (1UL << 25) | ((ulong)op0 << 20) | ((ulong)op2 << 17) | ((ulong)op1 << 14)
            | ((ulong)crn << 10) | ((ulong)crm << 1) | (isRead ? 1UL : 0UL);
        var vcpu = Build(setup);

        var kernel = Kernel.Decide(vcpu, esr);
        Assert.True((forwards ? ReferenceDecision.Forward : ReferenceDecision.Local) == kernel, $"{description}: the kernel oracle says {kernel}");

        var state = State(vcpu);
        var decision = Linux66Traps.Decide(state, new Esr(esr));
        Assert.True(forwards == decision.Forward, $"{description}: got {decision}\n{Linux66Traps.Explain(state, new Esr(esr))}");
        Assert.Equal(forwards ? TrapOutcome.Forward : TrapOutcome.Local, decision.Outcome);
    }

    [Fact]
    public void Every_named_register_resolves_and_every_name_is_used()
    {
        var named = Cases.Select(c => (string)c[1]).Where(n => !GenericEncoding().IsMatch(n)).ToHashSet();
        Assert.Equal(named.Order(), Encodings.Keys.Order());
    }

    private static (int Op0, int Op1, int CRn, int CRm, int Op2) Resolve(string register)
    {
        var match = GenericEncoding().Match(register);
        if (match.Success)
        {
            int Field(int i) => int.Parse(match.Groups[i].Value);
            return (Field(1), Field(2), Field(3), Field(4), Field(5));
        }

        return Encodings.TryGetValue(register, out var encoding)
            ? encoding
            : throw new ArgumentException($"{register} is not in the test's encoding table");
    }

    [GeneratedRegex(@"^S([0-3])_([0-7])_C([0-9]|1[0-5])_C([0-9]|1[0-5])_([0-7])$")]
    private static partial Regex GenericEncoding();

    /// <summary>The vCPU the setup describes, registers by the kernel's names (unset ones read 0).</summary>
    private static ReferenceVcpu Build(string setup)
    {
        bool nested = true;
        int el = 1;
        var registers = new Dictionary<string, ulong>();
        foreach (var part in setup.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (part.Split('=')[0], part.Split('=')[1]);
            switch (key)
            {
                case "hcr": registers["HCR_EL2"] = Bits(value); break;
                case "mdcr": registers["MDCR_EL2"] = Bits(value); break;
                case "cnthctl": registers["CNTHCTL_EL2"] = Bits(value); break;
                case "hfgrtr": registers["HFGRTR_EL2"] = Bits(value); break;
                case "hfgwtr": registers["HFGWTR_EL2"] = Bits(value); break;
                case "hfgitr": registers["HFGITR_EL2"] = Bits(value); break;
                case "el": el = int.Parse(value); break;
                case "nv": nested = value == "1"; break;
                default: throw new ArgumentException(part);
            }
        }

        return new ReferenceVcpu(nested, el, registers);
    }

    /// <summary>The same vCPU as the generated state, register by register.</summary>
    private static Linux66Traps.State State(ReferenceVcpu vcpu) => new()
    {
        HasNestedVirtualization = vcpu.HasNestedVirt,
        CurrentEl = (ExceptionLevel)vcpu.ExceptionLevel,
        HCR_EL2 = vcpu.Raw("HCR_EL2"),
        MDCR_EL2 = vcpu.Raw("MDCR_EL2"),
        CNTHCTL_EL2 = vcpu.Raw("CNTHCTL_EL2"),
        HFGRTR_EL2 = vcpu.Raw("HFGRTR_EL2"),
        HFGWTR_EL2 = vcpu.Raw("HFGWTR_EL2"),
        HFGITR_EL2 = vcpu.Raw("HFGITR_EL2"),
    };

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
