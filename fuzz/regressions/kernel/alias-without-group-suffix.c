// An enum fgt_group_id member aliasing a group without the kernel's X_GROUP = Y_GROUP shape:
// the import took the alias's name minus "_GROUP" and threw on a name shorter than that suffix.
enum fgt_group_id {
	__NO_FGT_GROUP__,
	FGTR_GROUP,
	W = FGTR_GROUP,
	__NR_FGT_GROUP_IDS__
};
