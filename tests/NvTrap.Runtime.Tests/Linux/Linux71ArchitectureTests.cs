using NvTrap.Testing;
using NvTrap.Testing.Reference;

namespace NvTrap.Runtime.Tests.Linux;

/// <summary>
/// Hand-worked Linux 7.1 cases, each a single access with the trap controls a guest hypervisor
/// would set and, where it matters, a VM that is not full-featured. Every case also runs through
/// <see cref="Linux71Reference"/>, the kernel oracle, so a wrong expectation cannot hide behind a
/// matching bug. Register names resolve through the table below, typed from the kernel's
/// definitions; the ESR is composed here bit by bit; the VM is built for both sides by
/// <see cref="Linux71Vm"/>'s name tables.
/// </summary>
public class Linux71ArchitectureTests
{
    // HCR_EL2 bits
    private const ulong Ttlb = 1UL << 25, Tvm = 1UL << 26, Tge = 1UL << 27, E2h = 1UL << 34;

    private static readonly Linux71Reference Kernel = new();

    /// <summary>
    /// The encodings the cases name, as the 7.1 kernel defines them: arch/arm64/tools/sysreg
    /// (Sysreg lines) or arch/arm64/include/asm/sysreg.h (sys_reg / sys_insn macros).
    /// </summary>
    private static readonly Dictionary<string, (int Op0, int Op1, int CRn, int CRm, int Op2)> Encodings = new()
    {
        ["TTBR0_EL1"] = (3, 0, 2, 0, 0),          // tools/sysreg: Sysreg TTBR0_EL1 3 0 2 0 0
        ["TPIDR2_EL0"] = (3, 3, 13, 0, 5),        // sysreg.h: SYS_TPIDR2_EL0 sys_reg(3, 3, 13, 0, 5)
        ["POR_EL1"] = (3, 0, 10, 2, 4),           // tools/sysreg: Sysreg POR_EL1 3 0 10 2 4
        ["PMEVCNTR5_EL0"] = (3, 3, 14, 8, 5),     // sysreg.h: SYS_PMEVCNTRn_EL0(5): CRm 0x8 | (5 >> 3 & 3), op2 5 & 7
        ["PMEVTYPER30_EL0"] = (3, 3, 14, 15, 6),  // sysreg.h: SYS_PMEVTYPERn_EL0(30): CRm 0xc | (30 >> 3 & 3), op2 30 & 7
        ["PMXEVCNTR_EL0"] = (3, 3, 9, 13, 2),     // sysreg.h: SYS_PMXEVCNTR_EL0 sys_reg(3, 3, 9, 13, 2)
        ["TLBI_VAE1NXS"] = (1, 0, 9, 7, 1),       // sysreg.h: OP_TLBI_VAE1NXS sys_insn(1, 0, 9, 7, 1)
        ["TLBI_VAE1IS"] = (1, 0, 8, 3, 1),        // sysreg.h: OP_TLBI_VAE1IS sys_insn(1, 0, 8, 3, 1)
    };

    public static TheoryData<string, string, bool, string, string, TrapOutcome> Cases => new()
    {
        // description, register, read?, vCPU, VM ("" = full-featured), outcome
        { "TTBR0_EL1 write with HCR_EL2.TVM forwards", "TTBR0_EL1", false, "hcr=TVM", "", TrapOutcome.Forward },
        { "TTBR0_EL1 read with TVM alone does not (TVM forwards writes)", "TTBR0_EL1", true, "hcr=TVM", "", TrapOutcome.Local },
        { "TTBR0_EL1 write with TVM at vEL2 is the guest hypervisor's own: local", "TTBR0_EL1", false, "hcr=TVM el=2", "", TrapOutcome.Local },
        { "TTBR0_EL1 write with TVM in host EL0 (E2H, TGE, EL0): TVM does not forward in host EL0", "TTBR0_EL1", false, "hcr=TVM|E2H|TGE el=0", "", TrapOutcome.Local },
        { "TTBR0_EL1 write: a RES1 HCR_EL2.TVM for the VM forwards it", "TTBR0_EL1", false, "hcr=0", "res1=HCR_EL2:26", TrapOutcome.Forward },
        { "TTBR0_EL1 write: a RES0 HCR_EL2.TVM for the VM keeps it local", "TTBR0_EL1", false, "hcr=TVM", "res0=HCR_EL2:26", TrapOutcome.Local },

        { "TPIDR2_EL0 with its FGU bit (HFGRTR 55) hidden is undefined without nested virtualization", "TPIDR2_EL0", true, "nv=0", "fgu=HFGRTR:55", TrapOutcome.Undefined },
        { "TPIDR2_EL0 with its FGU bit hidden is undefined at vEL2 too", "TPIDR2_EL0", false, "el=2", "fgu=HFGRTR:55", TrapOutcome.Undefined },
        { "TTBR0_EL1 hidden (HFGRTR 36) is undefined even with TVM", "TTBR0_EL1", false, "hcr=TVM", "fgu=HFGRTR:36", TrapOutcome.Undefined },
        { "TTBR0_EL1 with another HFGRTR bit hidden is forwarded by TVM", "TTBR0_EL1", false, "hcr=TVM", "fgu=HFGRTR:35", TrapOutcome.Forward },
        { "TPIDR2_EL0 without nested virtualization and nothing hidden: local", "TPIDR2_EL0", true, "nv=0", "", TrapOutcome.Local },

        { "PMEVCNTR5_EL0 with HPMN 3 of N 31 forwards in host EL0", "PMEVCNTR5_EL0", true, "hcr=E2H|TGE el=0 mdcr=HPMN3", "", TrapOutcome.Forward },
        { "PMEVCNTR5_EL0 with HPMN 6 of N 31 is local in host EL0", "PMEVCNTR5_EL0", true, "hcr=E2H|TGE el=0 mdcr=HPMN6", "", TrapOutcome.Local },
        { "PMEVCNTR5_EL0 with HPMN 3 forwards at EL1", "PMEVCNTR5_EL0", false, "mdcr=HPMN3", "", TrapOutcome.Forward },
        { "PMEVCNTR5_EL0 with HPMN 5 (the first EL2 counter) forwards", "PMEVCNTR5_EL0", false, "mdcr=HPMN5", "", TrapOutcome.Forward },
        { "PMEVCNTR5_EL0 with HPMN 3 but N 5: counter 5 is not implemented, local", "PMEVCNTR5_EL0", true, "mdcr=HPMN3", "pmu=5", TrapOutcome.Local },
        { "PMEVCNTR5_EL0 with HPMN 31 = N: no counter is EL2's, local", "PMEVCNTR5_EL0", true, "mdcr=HPMN31", "", TrapOutcome.Local },
        { "PMEVCNTR5_EL0 with HPMN 6 but MDCR_EL2.TPM forwards", "PMEVCNTR5_EL0", true, "mdcr=HPMN6|TPM", "", TrapOutcome.Forward },
        { "PMEVCNTR5_EL0 with MDCR_EL2.TPM in host EL0 forwards (TPM forwards in host EL0)", "PMEVCNTR5_EL0", true, "hcr=E2H|TGE el=0 mdcr=HPMN6|TPM", "", TrapOutcome.Forward },
        { "PMEVCNTR5_EL0 with HPMN 3 at vEL2 is local", "PMEVCNTR5_EL0", true, "el=2 mdcr=HPMN3", "", TrapOutcome.Local },
        { "PMEVTYPER30_EL0 with HPMN 30 of N 31 forwards", "PMEVTYPER30_EL0", false, "mdcr=HPMN30", "", TrapOutcome.Forward },
        { "PMXEVCNTR_EL0 with PMSELR_EL0.SEL 30 and HPMN 3 forwards", "PMXEVCNTR_EL0", true, "mdcr=HPMN3 pmselr=0x1E", "", TrapOutcome.Forward },
        { "PMXEVCNTR_EL0 with PMSELR_EL0.SEL 2 and HPMN 3 is local", "PMXEVCNTR_EL0", true, "mdcr=HPMN3 pmselr=0x2", "", TrapOutcome.Local },
        { "PMXEVCNTR_EL0 with SEL 31 (the cycle counter's index) is never EL2's", "PMXEVCNTR_EL0", true, "mdcr=HPMN0 pmselr=0x1F", "", TrapOutcome.Local },
        { "PMXEVCNTR_EL0 reads only PMSELR_EL0.SEL (bits above it ignored)", "PMXEVCNTR_EL0", true, "mdcr=HPMN3 pmselr=0xFFFFFFFFFFFFFFE4", "", TrapOutcome.Forward },

        { "TLBI VAE1NXS with HFGITR_EL2.TLBIVAE1 forwards while HCRX_EL2.FGTnXS is clear", "TLBI_VAE1NXS", false, "hfgitr=43", "", TrapOutcome.Forward },
        { "TLBI VAE1NXS is not forwarded by HFGITR_EL2 when HCRX_EL2.FGTnXS is set", "TLBI_VAE1NXS", false, "hfgitr=43 hcrx=FGTnXS", "", TrapOutcome.Local },
        { "TLBI VAE1NXS with FGTnXS set is still forwarded by HCR_EL2.TTLB", "TLBI_VAE1NXS", false, "hfgitr=43 hcrx=FGTnXS hcr=TTLB", "", TrapOutcome.Forward },
        { "TLBI VAE1NXS: FGTnXS RES0 for the VM lets HFGITR_EL2 forward again", "TLBI_VAE1NXS", false, "hfgitr=43 hcrx=FGTnXS", "res0=HCRX_EL2:4", TrapOutcome.Forward },
        { "TLBI VAE1IS (not nXS) forwards by HFGITR_EL2 whatever FGTnXS says", "TLBI_VAE1IS", false, "hfgitr=29 hcrx=FGTnXS", "", TrapOutcome.Forward },

        { "POR_EL1 read forwards while HFGRTR_EL2.nPOR_EL1 is clear (negative polarity)", "POR_EL1", true, "", "", TrapOutcome.Forward },
        { "POR_EL1 read with nPOR_EL1 set does not trap", "POR_EL1", true, "hfgrtr=60", "", TrapOutcome.Local },
        { "POR_EL1 read with nPOR_EL1 RES0 for the VM (no FEAT_S1POE) does not trap", "POR_EL1", true, "", "res0=HFGRTR_EL2:60", TrapOutcome.Local },
        { "POR_EL1 write with nPOR_EL1 RES0 only in HFGRTR_EL2 still traps (writes read HFGWTR_EL2)", "POR_EL1", false, "", "res0=HFGRTR_EL2:60", TrapOutcome.Forward },
        { "TPIDR2_EL0 write with nTPIDR2_EL0 RES0 in HFGWTR_EL2 does not trap", "TPIDR2_EL0", false, "", "res0=HFGWTR_EL2:55", TrapOutcome.Local },
        { "TPIDR2_EL0 read with nTPIDR2_EL0 clear forwards, even in a VM whose HFGWTR_EL2 bit is RES0", "TPIDR2_EL0", true, "", "res0=HFGWTR_EL2:55", TrapOutcome.Forward },
        { "POR_EL1 read in host EL0: the fine-grained bits do not apply", "POR_EL1", true, "hcr=E2H|TGE el=0", "", TrapOutcome.Local },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string description, string register, bool isRead, string setup, string vmSetup, TrapOutcome expected)
    {
        var (op0, op1, crn, crm, op2) = Encodings.TryGetValue(register, out var encoding)
            ? encoding
            : throw new ArgumentException($"{register} is not in the test's encoding table");

        // ESR_EL2 of the trapped access: EC 0x18, IL, and the ISS: Op0 [21:20], Op2 [19:17],
        // Op1 [16:14], CRn [13:10], Rt [9:5] (x0 here), CRm [4:1], direction [0] (1: read).
        ulong esr = (0x18UL << 26) | (1UL << 25) | ((ulong)op0 << 20) | ((ulong)op2 << 17) | ((ulong)op1 << 14)
            | ((ulong)crn << 10) | ((ulong)crm << 1) | (isRead ? 1UL : 0UL);
        var vcpu = Build(setup);
        var (referenceVm, profile) = BuildVm(vmSetup);

        var kernel = Linux71Cases.Outcome(Kernel.Decide(referenceVm, vcpu, esr));
        Assert.True(expected == kernel, $"{description}: the kernel oracle says {kernel}");

        var state = State(vcpu);
        var decision = Linux71Traps.Decide(state, profile, new Esr(esr));
        Assert.True(expected == decision.Outcome, $"{description}: got {decision}\n{Linux71Traps.Explain(state, profile, new Esr(esr))}");
    }

    [Fact]
    public void Every_named_register_is_used()
    {
        Assert.Equal(Cases.Select(c => (string)c[1]).ToHashSet().Order(), Encodings.Keys.Order());
    }

    [Fact]
    public void The_cases_reach_the_7_1_reasons()
    {
        // The reasons 6.6 never gives, and the filter, each hand-worked at least once.
        var reached = new HashSet<DecisionReason>();
        bool filtered = false;
        foreach (var c in Cases)
        {
            var (op0, op1, crn, crm, op2) = Encodings[(string)c[1]];
            var esr = Esr.ForSysRegAccess(SysRegEncoding.Create(op0, op1, crn, crm, op2), (bool)c[2]);
            var decision = Linux71Traps.Decide(State(Build((string)c[3])), BuildVm((string)c[4]).Profile, esr);
            reached.Add(decision.Reason);
            filtered |= decision.Filter == Linux71Traps.Filters.HCRX_FGTnXS;
        }

        Assert.Contains(DecisionReason.FeatureHidden, reached);
        Assert.Contains(DecisionReason.HostEl0NotForwarded, reached);
        Assert.Contains(DecisionReason.FineGrainedTrap, reached);
        Assert.True(filtered);
    }

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
                case "hcrx": registers["HCRX_EL2"] = Bits(value); break;
                case "mdcr": registers["MDCR_EL2"] = Bits(value); break;
                case "pmselr": registers["PMSELR_EL0"] = Bits(value); break;
                case "hfgrtr": registers["HFGRTR_EL2"] = 1UL << int.Parse(value); break;
                case "hfgitr": registers["HFGITR_EL2"] = 1UL << int.Parse(value); break;
                case "el": el = int.Parse(value); break;
                case "nv": nested = value == "1"; break;
                default: throw new ArgumentException(part);
            }
        }

        return new ReferenceVcpu(nested, el, registers);
    }

    /// <summary>
    /// The VM the setup describes, for both sides: <c>fgu=GROUP:BIT</c> hides a bit,
    /// <c>res0=REGISTER:BIT</c> / <c>res1=REGISTER:BIT</c> add a reserved bit to the register's
    /// full-featured masks (from the kernel's sysreg file), <c>pmu=N</c> sets the counter count.
    /// </summary>
    private static (ReferenceVm Reference, VmProfile Profile) BuildVm(string setup)
    {
        var hidden = new Dictionary<string, ulong>();
        var masks = Linux71Table.SysregMasks.ToDictionary(m => m.Register);
        int counters = 31;
        var profile = Linux71Traps.DefaultVm();
        foreach (var part in setup.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (part.Split('=')[0], part.Split('=')[1]);
            if (key == "pmu")
            {
                counters = int.Parse(value);
                continue;
            }

            var (name, bit) = (value.Split(':')[0], 1UL << int.Parse(value.Split(':')[1]));
            switch (key)
            {
                case "fgu":
                    hidden[name] = bit;
                    profile.SetHiddenBits(Linux71Vm.FineGrainedGroupIds[name], bit);
                    break;
                case "res0":
                case "res1":
                    var m = masks[name];
                    masks[name] = key == "res0" ? m with { Res0 = m.Res0 | bit, Res1 = m.Res1 & ~bit } : m with { Res1 = m.Res1 | bit, Res0 = m.Res0 & ~bit };
                    profile.SetReserved(Linux71Vm.RegisterIds[name], masks[name].Res0, masks[name].Res1);
                    break;
                default: throw new ArgumentException(part);
            }
        }

        profile.SetParameter(Linux71Traps.Parameters.nr_pmu_counters, (ulong)counters);
        return (new ReferenceVm(hidden, masks, counters), profile);
    }

    /// <summary>The same vCPU as the generated state, register by register.</summary>
    private static Linux71Traps.State State(ReferenceVcpu vcpu)
    {
        var state = new Linux71Traps.State
        {
            HasNestedVirtualization = vcpu.HasNestedVirt,
            CurrentEl = (ExceptionLevel)vcpu.ExceptionLevel,
        };
        foreach (var (name, value) in vcpu.Registers)
        {
            switch (name)
            {
                case "HCR_EL2": state.HCR_EL2 = value; break;
                case "HCRX_EL2": state.HCRX_EL2 = value; break;
                case "MDCR_EL2": state.MDCR_EL2 = value; break;
                case "PMSELR_EL0": state.PMSELR_EL0 = value; break;
                case "HFGRTR_EL2": state.HFGRTR_EL2 = value; break;
                case "HFGITR_EL2": state.HFGITR_EL2 = value; break;
                default: throw new ArgumentException(name);
            }
        }

        return state;
    }

    private static ulong Bits(string value) => value.Split('|').Aggregate(0UL, (acc, bit) => acc | bit switch
    {
        "TVM" => Tvm, "TGE" => Tge, "E2H" => E2h, "TTLB" => Ttlb,
        "TPM" => 1UL << 6,         // MDCR_EL2.TPM
        "FGTnXS" => 1UL << 4,      // HCRX_EL2.FGTnXS
        _ when bit.StartsWith("HPMN", StringComparison.Ordinal) => ulong.Parse(bit[4..]), // MDCR_EL2.HPMN, bits [4:0]
        _ => Convert.ToUInt64(bit, 16),
    });
}
