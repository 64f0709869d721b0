enum cgt_group_id {
	__RESERVED__,
	CGT_CTL_TA,
	__MULTIPLE_CONTROL_BITS__,
	__COMPLEX_CONDITIONS__,
	__NR_CGT_GROUP_IDS__
};

enum fgt_group_id {
	__NO_FGT_GROUP__,
	FGTR_GROUP,
	FGTW_GROUP = FGTR_GROUP,
	__NR_FGT_GROUP_IDS__
};

enum fg_filter_id {
	__NO_FGF__,
	__NR_FG_FILTER_IDS__
};

static const struct trap_bits coarse_trap_bits[] = {
	[CGT_CTL_TA] = { .index = CTL_EL2, .value = CTL_TA, .mask = CTL_TA, .behaviour = BEHAVE_FORWARD_READ | BEHAVE_FORWARD_WRITE },
};

static const enum cgt_group_id *coarse_control_combo[] = {
};

static const complex_condition_check ccc[] = {
};

static const struct encoding_to_trap_config encoding_to_cgt[] __initconst = {
	SR_TRAP(SYS_ALPHA_EL1, CGT_CTL_TA),
	SR_RANGE_TRAP(sys_reg(3, 0, 5, 0, 0), sys_reg(3, 0, 5, 15, 7), CGT_CTL_TA),
};

static const struct encoding_to_trap_config encoding_to_fgt[] __initconst = {
	SR_FGT(SYS_BETA_EL1, FGTR, BETA, 1),
	SR_FGT(SYS_GAMMA_EL1, FGTR, GAMMA, 0),
};

static const union trap_config non_0x18_fgt[] __initconst = {
};
