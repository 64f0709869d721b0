// The fixture tables with CGT_CTL_TA declared twice in enum cgt_group_id: the rule writer
// keyed groups by name and threw. A second declaration is now NVTK040, as C rejects it.
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