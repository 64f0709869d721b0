#define STR(x) #x
#define CAT(a, b) a##b
#define LIST(first, ...) { first, __VA_ARGS__ }
#define CALL(fmt, ...) f(fmt, ## __VA_ARGS__)
#define NAME CAT(CGT_, CTL_TA)
#define SHIFT(x) (UL(1) << (x))
#if defined(NAME) && !defined NOTHING && (SHIFT(3) == 8) && (-1 < 0) && (0xffffffffffffffffUL > 0)
enum cgt_group_id { __RESERVED__, CGT_CTL_TA, __MULTIPLE_CONTROL_BITS__, __COMPLEX_CONDITIONS__, __NR_CGT_GROUP_IDS__ };
#elif 1 ? 2 : 3
#error unreachable
#else
#endif
#undef STR
static const int values[] = LIST(1, 2, 3);
static const char *name = STR(NAME);
