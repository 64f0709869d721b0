namespace NvTrap.Kernel.Diagnostics;

/// <summary>
/// The import's limits, each reported as a located diagnostic (docs/import.md) instead of running
/// out of memory or stack on a hostile tree. Real kernels are far inside them: the largest file
/// read today is 105 KB (7.1's emulate-nested.c), expressions nest about ten deep, and a whole
/// 7.1 import handles about 580,000 tokens of macro expansion (6.6: 210,000).
/// </summary>
internal static class KernelLimits
{
    /// <summary>Bytes of one file the import reads (a kernel file or the overlay): NVTK002 beyond.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>
    /// How deep parentheses, unary operators and <c>?:</c> nest in one constant expression, braces
    /// in one initializer, and macro calls inside macro arguments: NVTK016 beyond. The readers
    /// recurse once a level, so this bounds their stack.
    /// </summary>
    public const int MaxNesting = 256;

    /// <summary>
    /// Tokens macro expansion may handle in one import, each token a macro call substitutes and
    /// each token collected as a macro argument (argument pre-expansion included): NVTK015 beyond.
    /// Without it forty lines of <c>#define A1 A0+A0</c> double their way to a trillion tokens,
    /// and calls nested in arguments cost the square of their length.
    /// </summary>
    public const long MaxExpansionTokens = 2_000_000;
}
