// An initializer list with an empty value ("{ , }") gave an item with no tokens, and the table
// readers located their errors at its first token.
enum cgt_group_id { __RESERVED__, CGT_X, __MULTIPLE_CONTROL_BITS__, __COMPLEX_CONDITIONS__, __NR_CGT_GROUP_IDS__ };
static const struct trap_bits coarse_trap_bits[] = { , };
static const struct encoding_to_trap_config encoding_to_cgt[] __initconst = { [] = { , }, };
