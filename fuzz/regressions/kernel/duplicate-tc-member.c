// A .tc list giving .fgf twice: the fine-grained reader built a dictionary that threw on the
// second key. C keeps the last value of a member given twice; so does the import.
static const struct encoding_to_trap_config encoding_to_fgt[] __initconst = {
	{ .encoding = SYS_BETA_EL1, .end = SYS_BETA_EL1, .tc = { .fgt = FGTR_GROUP, .bit = 6, .pol = 1, .fgf = 0, .fgf = 0 } },
};
