using System.Text;
using NvTrap.Compiler;

namespace NvTrap.Benchmarks.Adversarial;

/// <summary>
/// Inputs built to make the compiler work as hard as its limits allow — the cases a hostile
/// review found slow before they were bounded. Each is one rule file of ruleset <c>t</c>.
/// </summary>
internal static class AdversarialInputs
{
    /// <summary>Names of the inputs, the benchmarks' parameter values.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { DidYouMeanFlood, ErrorFlood, FullSpaceRange, OneMegabyte };

    /// <summary>65,536 catalogue names and 3,000 references to names not in it, each wanting a suggestion.</summary>
    public const string DidYouMeanFlood = "did-you-mean-flood";

    /// <summary>One encoding listed 100,000 times: 99,999 overlap errors, of which 100 are shown.</summary>
    public const string ErrorFlood = "error-flood";

    /// <summary>One coarse range over all 65,536 encodings: the largest table a ruleset can have.</summary>
    public const string FullSpaceRange = "full-space-range";

    /// <summary>A valid 1 MB rule file: 11,000 catalogue names each trapped by name, eight to a trap.</summary>
    public const string OneMegabyte = "one-megabyte";

    private const string Head = "ruleset: t\nregisters:\n  R: { fields: { A: 0 } }\ncontrols:\n  C: { register: R, mask: A, value: A, forward: any }\n";

    public static RuleSource Source(string name) => new("t.nvtrap.yaml", name switch
    {
        DidYouMeanFlood => BuildDidYouMeanFlood(),
        ErrorFlood => BuildErrorFlood(),
        FullSpaceRange => Head + "traps:\n  - { group: C, range: [S0_0_C0_C0_0, S3_7_C15_C15_7] }\n",
        OneMegabyte => BuildOneMegabyte(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown adversarial input."),
    });

    private static string BuildDidYouMeanFlood()
    {
        // 64 families of 1,024 members: 65,536 names in a few kilobytes, every encoding named.
        var text = new StringBuilder(Head).Append("sysregs:\n");
        for (int b = 0; b < 64; b++)
        {
            text.Append($"  SR<n>_B{b}: {{ n: 0..1023, encoding: [{b >> 4}, {(b >> 1) & 7}, \"{(b & 1) << 3} | (n >> 7)\", \"(n >> 3) & 15\", \"n & 7\"] }}\n");
        }

        // Each unknown name is one edit away from many catalogue names.
        text.Append("traps:\n  - { group: C, sysregs: [");
        for (int i = 0; i < 3_000; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append($"SR{i % 1024}_X{i / 1024}");
        }

        return text.Append("] }\n").ToString();
    }

    private static string BuildErrorFlood()
    {
        var text = new StringBuilder(Head).Append("traps:\n  - { group: C, sysregs: [");
        for (int i = 0; i < 100_000; i++)
        {
            text.Append(i == 0 ? "S3_0_C1_C0_0" : ", S3_0_C1_C0_0");
        }

        return text.Append("] }\n").ToString();
    }

    private static string BuildOneMegabyte()
    {
        const int Count = 11_000;
        var text = new StringBuilder(Head).Append("sysregs:\n");
        for (int i = 0; i < Count; i++)
        {
            text.Append($"  A_LONGER_REGISTER_NAME_{i:D5}_EL1: S3_{i >> 11}_C{(i >> 7) & 15}_C{(i >> 3) & 15}_{i & 7}\n");
        }

        text.Append("traps:\n");
        for (int i = 0; i < Count; i += 8)
        {
            text.Append("  - { group: C, sysregs: [");
            for (int j = i; j < i + 8 && j < Count; j++)
            {
                text.Append(j == i ? "" : ", ").Append($"A_LONGER_REGISTER_NAME_{j:D5}_EL1");
            }

            text.Append("] }\n");
        }

        return text.ToString();
    }
}
