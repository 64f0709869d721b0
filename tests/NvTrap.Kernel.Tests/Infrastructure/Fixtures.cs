namespace NvTrap.Kernel.Tests.Infrastructure;

/// <summary>
/// A small kernel-style tree written for these tests (not taken from the kernel): the same
/// constructs the real emulate-nested.c uses, over invented registers and groups.
/// </summary>
public static class Fixtures
{
    public const string Sysreg = """
        # A register file in the kernel's format.
        Sysreg	CTL_EL2	3	4	1	1	0
        Res0	63:40
        Field	39:38	MODE
        Res1	37
        Field	12	TWO
        Field	11	ONE
        Field	10	TB
        Field	9	TA
        Res0	8:0
        EndSysreg

        SysregFields	FGTx_EL2
        Res0	63:8
        Field	7	nALPHA
        Field	6	BETA
        Field	5	GAMMA
        Res0	4:0
        EndSysregFields

        Sysreg	FGTR_EL2	3	4	1	1	4
        Fields	FGTx_EL2
        EndSysreg

        Sysreg	FGTW_EL2	3	4	1	1	5
        Fields	FGTx_EL2
        EndSysreg

        Sysreg	ALPHA_EL1	3	0	2	0	0
        UnsignedEnum	3:0	LEVEL
        	0b0000	NI
        	0b0001	IMP
        EndEnum
        Res0	63:4
        EndSysreg
        """;

    public const string SysregHeader = """
        #ifndef FIXTURE_SYSREG_H
        #define FIXTURE_SYSREG_H
        #define Op0_shift	19
        #define Op0_mask	0x3
        #define Op1_shift	16
        #define Op1_mask	0x7
        #define CRn_shift	12
        #define CRn_mask	0xf
        #define CRm_shift	8
        #define CRm_mask	0xf
        #define Op2_shift	5
        #define Op2_mask	0x7
        #if WANT_SYSREG == 1
        #define sys_reg(op0, op1, crn, crm, op2) \
        	(((op0) << Op0_shift) | ((op1) << Op1_shift) | \
        	 ((crn) << CRn_shift) | ((crm) << CRm_shift) | \
        	 ((op2) << Op2_shift))
        #endif
        #define sys_insn	sys_reg
        #define SYS_BETA_EL1		sys_reg(3, 0, 2, 0, 1)
        #define SYS_GAMMA_EL1		sys_reg(3, 0, 2, 0, 2)
        #define SYS_TABLEn_EL1(n)	sys_reg(3, 0, 5, n, 0)
        #define OP_DO_THING		sys_insn(1, 0, 7, 1, 0)
        #ifdef __ASSEMBLY__
        	.macro	not_c, x
        	'unbalanced quote
        #endif
        #endif
        """;

    public const string ArmHeader = """
        #define __CTL(x)	CTL_EL2_##x
        #define CTL_TA		__CTL(TA)
        #define CTL_TB		(UL(1) << 10)
        #define CTL_ONE		BIT(11)
        #define CTL_TWO		BIT(CTL_EL2_TWO_SHIFT)
        #define __FGTR_RES0	(GENMASK(63, 8) | GENMASK(4, 0))
        """;

    public const string HostHeader = """
        enum vcpu_sysreg {
        	__INVALID_SYSREG__,
        	CTL_EL2,
        	MARKER(__UNUSED__),
        	FGTR_EL2,
        	FGTW_EL2,
        	NR_SYS_REGS
        };
        static inline int unrelated(int x) { return x ? x : 0; }
        """;

    /// <summary>The tables, line numbers fixed: tests name them.</summary>
    public const string Tables = """
        // Fixture tables in the kernel's format.
        enum trap_behaviour {
        	BEHAVE_HANDLE_LOCALLY	= 0,
        	BEHAVE_FORWARD_READ	= BIT(0),
        	BEHAVE_FORWARD_WRITE	= BIT(1),
        	BEHAVE_FORWARD_RW	= BEHAVE_FORWARD_READ | BEHAVE_FORWARD_WRITE,
        };

        enum cgt_group_id {
        	__RESERVED__,
        	CGT_CTL_TA,
        	CGT_CTL_TB,
        	CGT_CTL_ONE_nTWO,
        	__MULTIPLE_CONTROL_BITS__,
        	CGT_CTL_TA_TB = __MULTIPLE_CONTROL_BITS__,
        	__COMPLEX_CONDITIONS__,
        	CGT_CTL_MODE = __COMPLEX_CONDITIONS__,
        	__NR_CGT_GROUP_IDS__
        };

        static const struct trap_bits coarse_trap_bits[] = {
        	[CGT_CTL_TA] = {
        		.index		= CTL_EL2,
        		.value		= CTL_TA,
        		.mask		= CTL_TA,
        		.behaviour	= BEHAVE_FORWARD_READ,
        	},
        	[CGT_CTL_TB] = {
        		.index		= CTL_EL2,
        		.value		= 0,
        		.mask		= CTL_TB,
        		.behaviour	= BEHAVE_FORWARD_WRITE,
        	},
        	[CGT_CTL_ONE_nTWO] = {
        		.index		= CTL_EL2,
        		.value		= CTL_ONE,
        		.mask		= CTL_ONE | CTL_TWO,
        		.behaviour	= BEHAVE_FORWARD_RW,
        	},
        };

        #define MCB(id, ...)	[id - __MULTIPLE_CONTROL_BITS__] = (const enum cgt_group_id[]){ __VA_ARGS__, __RESERVED__ }

        static const enum cgt_group_id *coarse_control_combo[] = {
        	MCB(CGT_CTL_TA_TB, CGT_CTL_TA, CGT_CTL_TB),
        };

        static enum trap_behaviour check_ctl_mode(struct kvm_vcpu *vcpu)
        {
        	return (__vcpu_sys_reg(vcpu, CTL_EL2) & GENMASK(39, 38)) ? BEHAVE_FORWARD_RW : BEHAVE_HANDLE_LOCALLY;
        }

        #define CCC(id, fn)	[id - __COMPLEX_CONDITIONS__] = fn

        static const complex_condition_check ccc[] = {
        	CCC(CGT_CTL_MODE, check_ctl_mode),
        };

        #define SR_RANGE_TRAP(sr_start, sr_end, trap_id)	\
        	{ .encoding = sr_start, .end = sr_end, .tc = { .cgt = trap_id, }, .line = __LINE__, }
        #define SR_TRAP(sr, trap_id)	SR_RANGE_TRAP(sr, sr, trap_id)

        static const struct encoding_to_trap_config encoding_to_cgt[] __initconst = {
        	SR_TRAP(SYS_ALPHA_EL1,		CGT_CTL_TA),
        	SR_TRAP(SYS_BETA_EL1,		CGT_CTL_TA_TB),
        	SR_TRAP(SYS_TABLEn_EL1(3),	CGT_CTL_ONE_nTWO),
        	SR_RANGE_TRAP(sys_reg(3, 1, 11, 0, 0),
        		      sys_reg(3, 1, 11, 15, 7), CGT_CTL_TB),
        	SR_TRAP(OP_DO_THING,		CGT_CTL_MODE),
        };

        enum fgt_group_id {
        	__NO_FGT_GROUP__,
        	FGTR_GROUP,
        	FGTW_GROUP = FGTR_GROUP,
        	__NR_FGT_GROUP_IDS__
        };

        enum fg_filter_id {
        	__NO_FGF__,
        	CTL_FILTER,
        	__NR_FG_FILTER_IDS__
        };

        #define __FGT(g, b, p, f)	{ .fgt = g ## _GROUP, .bit = g ## _EL2_ ## b ## _SHIFT, .pol = p, .fgf = f, }
        #define FGT(g, b, p)		__FGT(g, b, p, __NO_FGF__)
        #define SR_FGF_RANGE(sr, e, g, b, p, f)	{ .encoding = sr, .end = e, .tc = __FGT(g, b, p, f), .line = __LINE__, }
        #define SR_FGF(sr, g, b, p, f)	SR_FGF_RANGE(sr, sr, g, b, p, f)
        #define SR_FGT(sr, g, b, p)	SR_FGF_RANGE(sr, sr, g, b, p, __NO_FGF__)
        #define FGTR_EL2_nALPHA_SHIFT	FGTx_EL2_nALPHA_SHIFT
        #define FGTR_EL2_BETA_SHIFT	FGTx_EL2_BETA_SHIFT
        #define FGTR_EL2_GAMMA_SHIFT	FGTx_EL2_GAMMA_SHIFT

        static const struct encoding_to_trap_config encoding_to_fgt[] __initconst = {
        	SR_FGT(SYS_ALPHA_EL1,	FGTR, nALPHA, 0),
        	SR_FGF(SYS_GAMMA_EL1,	FGTR, GAMMA, 1, CTL_FILTER),
        };

        static const union trap_config non_0x18_fgt[] __initconst = {
        	FGT(FGTR, BETA, 1),
        };
        """;

    public const string Overlay = """
        ruleset: fixture
        defines:
          WANT_SYSREG: 1
        conditions:
          check_ctl_mode:
            register: CTL_EL2
            forward: any
            when: "CTL_EL2.MODE != 0"
        filters:
          CTL_FILTER: "CTL_EL2.TA"
        registers:
          CTL_EL2: { fields: { MODE: [39, 38] } }
          FGTR_EL2: { res0: "__FGTR_RES0" }
          FGTW_EL2: { res0: sysreg }
        """;

    /// <summary>The fixture tree, with one file replaced when a test gives it.</summary>
    public static TempTree Tree(string? tables = null, string? overlay = null, string? armHeader = null)
    {
        var tree = new TempTree()
            .With("arch/arm64/tools/sysreg", Sysreg)
            .With("arch/arm64/include/asm/sysreg.h", SysregHeader)
            .With("arch/arm64/include/asm/kvm_arm.h", armHeader ?? ArmHeader)
            .With("arch/arm64/include/asm/kvm_host.h", HostHeader)
            .With("arch/arm64/kvm/emulate-nested.c", tables ?? Tables)
            .With("overlay.yaml", overlay ?? Overlay);
        return tree;
    }

    /// <summary>The line of the first line of <see cref="Tables"/> containing <paramref name="text"/>.</summary>
    public static int LineOf(string text, string? tables = null) =>
        (tables ?? Tables).Replace("\r\n", "\n").Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(text)).index + 1;
}
