using System.Text;
using NvTrap.Generator.Tests.Infrastructure;

namespace NvTrap.Generator.Tests.Hostile;

/// <summary>
/// A mistake repeated thousands of times is shown a hundred times per file and phase, then one
/// NVT091 says how many more there are, where the first of them is: in check and build alike, and
/// errors are never crowded out by warnings.
/// </summary>
public class DiagnosticFloodTests
{
    private const string Head = "ruleset: t\nregisters:\n  R: { fields: { A: 0 } }\ncontrols:\n  C: { register: R, mask: A, value: A, forward: any }\n";

    [Fact]
    public void One_encoding_listed_100000_times_gives_100_errors_and_one_summary_at_the_first_not_shown()
    {
        var yaml = new StringBuilder(Head).Append("traps:\n  - { group: C, sysregs: [");
        for (int i = 0; i < 100_000; i++)
        {
            yaml.Append(i == 0 ? "S3_0_C1_C0_0" : ", S3_0_C1_C0_0");
        }

        yaml.Append("] }\n");
        var outcome = CheckBuildAgreement.Verify(yaml.ToString());
        Assert.Equal(101, outcome.CheckDiagnostics.Count);
        Assert.All(outcome.CheckDiagnostics.Take(100), d => Assert.Contains(" error NVT023: ", d));

        // The 101st entry is the first not shown: column 27 + 14 * 101 (", S3_0_C1_C0_0" is 14 wide, the list starts at 27).
        Assert.StartsWith("rules/t.nvtrap.yaml(7,1441): warning NVT091: 99,899 more diagnostics in this file not shown (99,899 errors, 0 warnings); the first is here: NVT023: ", outcome.CheckDiagnostics[100]);
    }

    [Fact]
    public void A_flood_of_overlaps_named_in_a_large_catalogue_is_quick_and_capped()
    {
        // Every overlap message names the encoding's catalogue name: looked up once, not searched.
        var yaml = new StringBuilder(Head).Append("sysregs:\n");
        for (int b = 0; b < 64; b++)
        {
            yaml.Append($"  SR<n>_B{b}: {{ n: 0..1023, encoding: [{b >> 4}, {(b >> 1) & 7}, \"{(b & 1) << 3} | (n >> 7)\", \"(n >> 3) & 15\", \"n & 7\"] }}\n");
        }

        yaml.Append("traps:\n  - { group: C, sysregs: [").Append(string.Join(", ", Enumerable.Repeat("SR1023_B63", 20_000))).Append("] }\n");
        var outcome = CheckBuildAgreement.Verify(yaml.ToString());
        Assert.Equal(101, outcome.CheckDiagnostics.Count);
        Assert.Contains("Encoding S3_7_C15_C15_7 (SR1023_B63) is given two coarse entries", outcome.CheckDiagnostics[0]);
        Assert.Contains(" warning NVT091: 19,899 more diagnostics", outcome.CheckDiagnostics[100]);
    }

    [Fact]
    public void Errors_are_shown_before_warnings_however_many_warnings_come_first()
    {
        // 300 uncatalogued single traps (NVT071 warnings), then one unknown group (an error).
        var yaml = new StringBuilder(Head).Append("sysregs:\n  X_EL1: S3_0_C0_C0_0\ntraps:\n");
        for (int i = 0; i < 300; i++)
        {
            yaml.Append($"  - {{ group: C, sysreg: [3, {i / 128 % 8}, {i / 8 % 16}, {i % 8}, 1] }}\n");
        }

        yaml.Append("  - { group: NOPE, sysreg: S3_0_C0_C0_0 }\n");
        var outcome = CheckBuildAgreement.Verify(yaml.ToString());
        Assert.Single(outcome.CheckDiagnostics, d => d.Contains(" error NVT012: ", StringComparison.Ordinal));
        Assert.Equal(99, outcome.CheckDiagnostics.Count(d => d.Contains(" warning NVT071: ", StringComparison.Ordinal)));
        Assert.Contains("201 more diagnostics in this file not shown (0 errors, 201 warnings); the first is here: NVT071: Encoding S3_0_C12_C3_1 is trapped", outcome.CheckDiagnostics.Single(d => d.Contains(" NVT091: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_parse_of_a_file_is_capped_too()
    {
        var yaml = new StringBuilder("ruleset: t\nregisters:\n  R:\n");
        for (int i = 0; i < 5_000; i++)
        {
            yaml.Append($"    k{i}: 1\n");
        }

        var outcome = CheckBuildAgreement.Verify(yaml.ToString());
        Assert.Equal(101, outcome.CheckDiagnostics.Count);
        Assert.All(outcome.CheckDiagnostics.Take(100), d => Assert.Contains(" error NVT002: ", d));
        Assert.StartsWith("rules/t.nvtrap.yaml(104,5): warning NVT091: 4,900 more diagnostics in this file not shown (4,900 errors, 0 warnings)", outcome.CheckDiagnostics[100]);
    }

    [Fact]
    public void Each_file_has_its_own_cap()
    {
        string flood = Head.Replace("ruleset: t\n", "ruleset: t\n") + "traps:\n  - { group: C, sysregs: [" + string.Join(", ", Enumerable.Repeat("S3_0_C1_C0_0", 150)) + "] }\n";
        string other = "ruleset: t\ntraps:\n  - { group: NOPE, sysreg: S3_0_C2_C0_0 }\n";
        var outcome = CheckBuildAgreement.Verify(new[] { ("rules/a.nvtrap.yaml", flood), ("rules/b.nvtrap.yaml", other) }, "t");
        Assert.Equal(101, outcome.CheckDiagnostics.Count(d => d.StartsWith("rules/a.nvtrap.yaml", StringComparison.Ordinal)));
        Assert.Single(outcome.CheckDiagnostics, d => d.StartsWith("rules/b.nvtrap.yaml", StringComparison.Ordinal));
    }
}
