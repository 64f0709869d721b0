namespace NvTrap.Kernel.Preprocessing;

/// <summary>
/// Definitions the kernel's tables use but that come from generic headers the import does not
/// read (include/linux/bits.h, include/uapi/linux/const.h): single bits, masks and integer
/// suffixes, written here with their usual meaning on a 64-bit kernel. A kernel file that defines
/// one of these names again replaces it.
/// </summary>
internal static class Prelude
{
    public const string Path = "<nvtrap prelude>";

    public const string Text = """
        #define __AC(X, Y) (X##Y)
        #define _AC(X, Y) __AC(X, Y)
        #define _AT(T, X) ((T)(X))
        #define _UL(x) (_AC(x, UL))
        #define _ULL(x) (_AC(x, ULL))
        #define UL(x) (_UL(x))
        #define ULL(x) (_ULL(x))
        #define BIT(nr) (1UL << (nr))
        #define BIT_ULL(nr) (1ULL << (nr))
        #define GENMASK(h, l) ((~0UL << (l)) & (~0UL >> (63 - (h))))
        #define GENMASK_ULL(h, l) ((~0ULL << (l)) & (~0ULL >> (63 - (h))))
        """;
}
