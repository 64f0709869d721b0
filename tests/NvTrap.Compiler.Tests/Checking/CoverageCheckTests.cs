using System.Diagnostics;
using NvTrap.Compiler.Checking;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;
using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Checking;

// This project sees the runtime (namespace NvTrap) and the compiler's copy of the contract: use the compiler's.
using TrapBehaviour = NvTrap.Compiler.Contract.TrapBehaviour;

/// <summary>
/// The coverage checks (NVT075 to NVT077): what each reports and where, and the legitimate shapes
/// each must leave alone, among them the ones the built-in rulesets have.
/// </summary>
public class CoverageCheckTests
{
    private const string Head = """
        ruleset: t
        registers:
          R: { fields: { A: 0, B: 1, C: 2 } }
          FG: { res0: [[63, 4]], fields: { X0: 0, X1: 1, X2: 2, X3: 3 } }
        controls:
          C1: { register: R, mask: A, value: A, forward: any }
          C2: { register: R, mask: B, value: B, forward: any }
          C3: { register: R, mask: C, value: C, forward: any }
        fine_grained:
          G: { both: FG }
        fine_grained_non_sysreg:
          - { bit: G.X0, trap_when: set }
          - { bit: G.X1, trap_when: set }
          - { bit: G.X2, trap_when: set }
          - { bit: G.X3, trap_when: set }
        sysregs:
          DBG<n>_EL1: { n: 0..3, encoding: [2, 0, 0, n, 4] }
          OTHER<i>_EL1: { i: 0..3, encoding: [2, 0, 1, i, 5] }
        """;

    /// <summary>The coverage warnings of <see cref="Head"/> followed by <paramref name="rest"/>, as "line:id message".</summary>
    private static List<RuleDiagnostic> Coverage(string rest, string head = Head)
    {
        var diagnostics = Rules.Diagnostics(("a.nvtrap.yaml", head + "\n" + rest));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return diagnostics.Where(d => d.Id is "NVT075" or "NVT076" or "NVT077").ToList();
    }

    // ---- NVT075 ---------------------------------------------------------------------------

    [Theory]
    [InlineData("traps:\n  - { group: C1, sysregs: [DBG0_EL1, DBG1_EL1, DBG2_EL1, DBG3_EL1] }")]
    [InlineData("traps:\n  - { group: C1, sysregs: [DBG0_EL1, DBG1_EL1] }\n  - { group: C1, sysregs: [DBG2_EL1, DBG3_EL1] }")]
    [InlineData("traps:\n  - { group: C1, range: [DBG0_EL1, DBG3_EL1] }")]
    [InlineData("traps:\n  - { group: C1, sysregs: [DBG0_EL1] }\n  - { group: C1, range: [DBG1_EL1, DBG3_EL1] }")]
    // One bit per member, as HAFGRTR_EL2 gives each AMEVCNTR1<n>_EL0 its own: one group, whole.
    [InlineData("fine_grained_traps:\n  - { sysreg: DBG0_EL1, bit: G.X0, trap_when: set }\n  - { sysreg: DBG1_EL1, bit: G.X1, trap_when: set }\n  - { sysreg: DBG2_EL1, bit: G.X2, trap_when: set }\n  - { sysreg: DBG3_EL1, bit: G.X3, trap_when: set }")]
    public void A_family_trapped_whole_is_not_reported(string rest)
    {
        Assert.Empty(Coverage(rest).Where(d => d.Id == "NVT075"));
    }

    [Fact]
    public void A_missing_last_member_is_reported_after_the_one_before_it()
    {
        var text = "traps:\n  - { group: C1, sysregs: [DBG0_EL1, DBG1_EL1, DBG2_EL1] }";
        var warning = Assert.Single(Coverage(text));
        Assert.Equal("NVT075", warning.Id);
        Assert.Equal((20, Rules.ColumnOf(Head + "\n" + text, 20, "DBG2_EL1")), (warning.Span.StartLine, warning.Span.StartColumn));
        Assert.StartsWith("Group 'C1' traps DBG<n>_EL1 for n = 0..2 but not for n = 3: DBG3_EL1 has no coarse entry.", warning.Message);
    }

    [Fact]
    public void A_missing_first_member_is_reported_at_the_first_present_and_indices_read_as_runs()
    {
        var first = Assert.Single(Coverage("traps:\n  - { group: C1, sysregs: [OTHER1_EL1, OTHER2_EL1, OTHER3_EL1] }"));
        Assert.Equal(Rules.ColumnOf(Head + "\ntraps:\n  - { group: C1, sysregs: [OTHER1_EL1, OTHER2_EL1, OTHER3_EL1] }", 20, "OTHER1_EL1"), first.Span.StartColumn);
        Assert.StartsWith("Group 'C1' traps OTHER<i>_EL1 for i = 1..3 but not for i = 0: OTHER0_EL1 has no coarse entry.", first.Message);

        var middle = Assert.Single(Coverage("traps:\n  - { group: C1, sysregs: [DBG0_EL1, DBG2_EL1, DBG3_EL1] }"));
        Assert.StartsWith("Group 'C1' traps DBG<n>_EL1 for n = 0, 2..3 but not for n = 1: DBG1_EL1 has no coarse entry.", middle.Message);
    }

    [Fact]
    public void A_family_split_between_groups_is_reported_for_each_naming_the_other()
    {
        var warnings = Coverage("traps:\n  - { group: C1, sysregs: [DBG0_EL1, DBG1_EL1, DBG2_EL1] }\n  - { group: C2, sysreg: DBG3_EL1 }");
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Message.StartsWith("Group 'C1' traps DBG<n>_EL1 for n = 0..2 but not for n = 3: DBG3_EL1 is trapped by group 'C2'.", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.StartsWith("Group 'C2' traps DBG<n>_EL1 for n = 3 but not for n = 0..2: DBG0_EL1, DBG1_EL1 and DBG2_EL1 are trapped by group 'C1'.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fine_grained_group_that_covers_part_of_a_family_is_reported()
    {
        var warning = Assert.Single(Coverage("fine_grained_traps:\n  - { sysregs: [DBG0_EL1, DBG1_EL1], bit: G.X0, trap_when: set }"));
        Assert.Equal("NVT075", warning.Id);
        Assert.StartsWith("Fine-grained group 'G' gives DBG<n>_EL1 a bit for n = 0..1 but not for n = 2..3: DBG2_EL1 and DBG3_EL1 have no fine-grained entry.", warning.Message);
    }

    [Fact]
    public void A_family_shared_by_more_than_four_groups_is_taken_as_split_on_purpose()
    {
        string Ruleset(int groups) =>
            "ruleset: t\nregisters:\n  R: { fields: { A: 0 } }\ncontrols:\n"
            + string.Concat(Enumerable.Range(1, groups).Select(g => $"  C{g}: {{ register: R, mask: A, value: A, forward: any }}\n"))
            + "sysregs:\n  DBG<n>_EL1: { n: 0..7, encoding: [2, 0, 0, n, 4] }\ntraps:\n"
            + string.Concat(Enumerable.Range(1, groups).Select(g => $"  - {{ group: C{g}, sysreg: DBG{g - 1}_EL1 }}\n"));

        Assert.Equal(4, Rules.Diagnostics(("a.nvtrap.yaml", Ruleset(4))).Count(d => d.Id == "NVT075"));
        Assert.DoesNotContain(Rules.Diagnostics(("a.nvtrap.yaml", Ruleset(5))), d => d.Id == "NVT075");
    }

    [Fact]
    public void Overlapping_entries_switch_the_coverage_checks_off()
    {
        var diagnostics = Rules.Diagnostics(("a.nvtrap.yaml", Head + "\ntraps:\n  - { group: C1, sysregs: [DBG0_EL1, DBG1_EL1] }\n  - { group: C2, range: [DBG1_EL1, DBG1_EL1] }"));
        Assert.Contains(diagnostics, d => d.Id == "NVT023");
        Assert.DoesNotContain(diagnostics, d => d.Id is "NVT075" or "NVT076" or "NVT077");
    }

    // ---- NVT076 ---------------------------------------------------------------------------

    private const string Levels = """
        ruleset: t
        registers:
          R: { fields: { A: 0, B: 1 } }
        controls:
          C1: { register: R, mask: A, value: A, forward: any }
          C2: { register: R, mask: B, value: B, forward: any }
        sysregs:
          SPSR_EL2: S3_4_C4_C0_0
          ELR_EL2: S3_4_C4_C0_1
          SP_EL1: S3_4_C4_C1_0
          SPSR_irq: S3_4_C4_C3_0
          SCTLR_EL12: S3_5_C1_C0_0
          CNTKCTL_EL12: S3_5_C14_C1_0
          CNTP_CTL_EL02: S3_5_C14_C2_1
          TRCPRGCTLR: S2_1_C0_C1_0
          TRCSTATR: S2_1_C0_C3_0
          CCSIDR_EL1: S3_1_C0_C0_0
          CLIDR_EL1: S3_1_C0_C0_1
          CTR_EL0: S3_3_C0_C0_1
          DCZID_EL0: S3_3_C0_C0_7
          TPIDR_EL0: S3_3_C13_C0_2
        """;

    [Theory]
    [InlineData("[SPSR_EL2, ELR_EL2]")]
    [InlineData("[S3_4_C4_C1_1, S3_4_C4_C15_7]")]
    // An AArch32 banked register has no level suffix: left alone, as 7.1's skipped SPSR_irq.
    [InlineData("[S3_4_C4_C2_0, S3_4_C4_C7_7]")]
    // The EL12 and EL02 aliases are one level, as in the _EL02/_EL12 ranges of both kernels.
    [InlineData("[S3_5_C0_C0_0, S3_5_C14_C15_7]")]
    // The trace unit's registers carry no level, as in 7.1's CPTR_EL2.TTA range.
    [InlineData("[S2_1_C0_C0_0, S2_1_C7_C15_7]")]
    public void A_range_over_registers_of_its_own_level_is_not_reported(string range)
    {
        Assert.Empty(Coverage($"traps:\n  - {{ group: C1, range: {range} }}", Levels));
    }

    [Fact]
    public void A_range_over_another_level_names_the_first_few_and_counts_the_rest()
    {
        var warning = Assert.Single(Coverage("traps:\n  - { group: C1, range: [CCSIDR_EL1, S3_5_C15_C15_7] }", Levels));
        Assert.Equal("NVT076", warning.Id);
        Assert.Equal(23, warning.Span.StartLine);
        Assert.StartsWith("This 'C1' range, CCSIDR_EL1..S3_5_C15_C15_7, runs between EL1 and EL12/EL02 registers but also covers CTR_EL0 (EL0), DCZID_EL0 (EL0), TPIDR_EL0 (EL0) and 2 more:", warning.Message);

        var one = Assert.Single(Coverage("traps:\n  - { group: C1, range: [SPSR_EL2, S3_4_C4_C15_7] }", Levels));
        Assert.StartsWith("This 'C1' range, SPSR_EL2..S3_4_C4_C15_7, runs between EL2 registers but also covers SP_EL1 (EL1):", one.Message);
    }

    // ---- NVT077 ---------------------------------------------------------------------------

    [Theory]
    // The hole is trapped in full by other entries, as 7.1 traps SPSR_EL2 and ELR_EL2 one by one.
    [InlineData("  - { group: C1, range: [S3_4_C3_C0_0, S3_4_C3_C15_7] }\n  - { group: C1, sysregs: [SPSR_EL2, ELR_EL2] }\n  - { group: C2, sysreg: SP_EL1 }\n  - { group: C1, range: [S3_4_C4_C1_1, S3_4_C4_C15_7] }")]
    // Blocks farther apart than they are wide are separate blocks, as the CRn 11 and 15 IMPLEMENTATION DEFINED ranges.
    [InlineData("  - { group: C1, range: [S3_4_C3_C0_0, S3_4_C3_C0_7] }\n  - { group: C1, range: [S3_4_C4_C1_1, S3_4_C4_C1_7] }")]
    // Ranges of two groups.
    [InlineData("  - { group: C1, range: [S3_4_C3_C0_0, S3_4_C3_C15_7] }\n  - { group: C2, range: [S3_4_C4_C1_1, S3_4_C4_C15_7] }")]
    // Only a register of another level in the hole (SP_EL1): stepping over it is what holes are for.
    [InlineData("  - { group: C1, range: [S3_4_C3_C0_0, S3_4_C4_C0_7] }\n  - { group: C1, range: [S3_4_C4_C1_1, S3_4_C4_C15_7] }")]
    public void A_gap_that_leaves_nothing_of_the_ranges_level_untrapped_is_not_reported(string traps)
    {
        Assert.Empty(Coverage("traps:\n" + traps, Levels));
    }

    [Fact]
    public void A_gap_that_leaves_registers_untrapped_is_reported_at_the_second_range()
    {
        string traps = "traps:\n  - { group: C1, range: [S3_4_C3_C0_0, S3_4_C3_C15_7] }\n  - { group: C2, sysreg: SP_EL1 }\n  - { group: C1, range: [S3_4_C4_C1_1, S3_4_C4_C15_7] }";
        var warning = Assert.Single(Coverage(traps, Levels));
        Assert.Equal("NVT077", warning.Id);
        Assert.Equal(25, warning.Span.StartLine);
        Assert.Equal(23, warning.Related!.StartLine);
        Assert.StartsWith("SPSR_EL2 and ELR_EL2 lie in the gap S3_4_C4_C0_0..S3_4_C4_C1_0 between this 'C1' range and the one before it (S3_4_C3_C0_0..S3_4_C3_C15_7), and no coarse entry traps them,", warning.Message);
    }

    // ---- speed ----------------------------------------------------------------------------

    [Fact]
    public void The_checks_stay_near_linear_on_a_ruleset_that_names_and_traps_every_encoding()
    {
        // 65,536 catalogue names (64 families of 1,024), 16,384 three-encoding ranges of one group
        // whose middle register is EL1 between EL2 ends, each followed by a one-encoding hole
        // holding an untrapped EL2 register: every check has work at every encoding, and a scan
        // per range or per hole would be quadratic.
        var span = new SourceSpan("a.nvtrap.yaml", 0, 0, 1, 1, 1, 1);
        var catalogue = Enumerable.Range(0, 65_536).Select(e => new CatalogueEntry(
            $"F{e >> 10}R{e & 1023}{(e % 4 == 1 ? "_EL1" : "_EL2")}", (ushort)e, span, new FamilyMember($"F{e >> 10}R<n>", (ulong)(e & 1023), 0, 1023))).ToList();
        var ranges = Enumerable.Range(0, 16_384).Select(k => new CoarseEntry((ushort)(4 * k), (ushort)(4 * k + 2), 1, true, span)).ToList();
        var ruleset = new BoundRuleset(
            "t",
            new[] { "a.nvtrap.yaml" },
            new[] { new BoundRegister(0, "R", null, new Dictionary<string, (int, int)>(), 0, 0, false, span) },
            new BoundGroup[] { new BoundControl(1, "C1", span, 0, 1, 1, TrapBehaviour.Any) },
            Array.Empty<BoundFineGrainedGroup>(),
            ranges,
            Array.Empty<FineGrainedEntry>(),
            catalogue,
            new[] { 1 });

        var diagnostics = new List<RuleDiagnostic>();
        var clock = Stopwatch.StartNew();
        RulesetChecker.Check(ruleset, diagnostics);
        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(64, diagnostics.Count(d => d.Id == "NVT075"));
        Assert.Equal(16_384, diagnostics.Count(d => d.Id == "NVT076"));
        Assert.Equal(16_383, diagnostics.Count(d => d.Id == "NVT077"));
    }

    [Fact]
    public void Families_that_alias_one_another_keep_their_work_and_messages_short()
    {
        // 64 families over the same 1,024 encodings (65,536 names), each encoding trapped by one of
        // four groups: every family has four partial groups, each missing hundreds of members in
        // hundreds of runs, and messages that listed them all would grow with the square.
        var span = new SourceSpan("a.nvtrap.yaml", 0, 0, 1, 1, 1, 1);
        var catalogue = Enumerable.Range(0, 64).SelectMany(f => Enumerable.Range(0, 1_024).Select(n => new CatalogueEntry(
            $"F{f}R{n}_EL1", (ushort)n, span, new FamilyMember($"F{f}R<n>_EL1", (ulong)n, 0, 1023)))).ToList();
        var groups = Enumerable.Range(1, 4).Select(id => (BoundGroup)new BoundControl(id, $"C{id}", span, 0, 1, 1, TrapBehaviour.Any)).ToList();
        var singles = Enumerable.Range(0, 1_024).Select(n => new CoarseEntry((ushort)n, (ushort)n, n % 4 + 1, false, span)).ToList();
        var ruleset = new BoundRuleset(
            "t",
            new[] { "a.nvtrap.yaml" },
            new[] { new BoundRegister(0, "R", null, new Dictionary<string, (int, int)>(), 0, 0, false, span) },
            groups,
            Array.Empty<BoundFineGrainedGroup>(),
            singles,
            Array.Empty<FineGrainedEntry>(),
            catalogue,
            new[] { 1, 2, 3, 4 });

        var diagnostics = new List<RuleDiagnostic>();
        var clock = Stopwatch.StartNew();
        RulesetChecker.Check(ruleset, diagnostics);
        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(256, diagnostics.Count(d => d.Id == "NVT075"));
        Assert.All(diagnostics.Where(d => d.Id == "NVT075"), d => Assert.True(d.Message.Length < 1_000, d.Message));
    }
}
