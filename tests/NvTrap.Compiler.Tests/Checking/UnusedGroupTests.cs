using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Checking;

/// <summary>NVT070 in every way a group can go unused, and the uses that keep it quiet.</summary>
public class UnusedGroupTests
{
    private const string Head = """
        ruleset: t
        registers:
          R: { fields: { A: 0, B: 1, C: 2 } }
        controls:
          C1: { register: R, mask: A, value: A, forward: any }
          C2: { register: R, mask: B, value: B, forward: read }
        conditions:
          K: { forward: any, when: "R.C" }
        """;

    private static List<string> Unused(string rest) =>
        Rules.Diagnostics(("a.nvtrap.yaml", Head + "\n" + rest)).Where(d => d.Id == "NVT070").Select(d => d.Message).ToList();

    [Fact]
    public void Members_of_a_trapped_combination_are_used()
    {
        Assert.Empty(Unused("combinations:\n  M: [C1, C2, K]\ntraps:\n  - { group: M, sysreg: S3_0_C1_C0_0 }"));
    }

    [Fact]
    public void A_control_and_a_condition_used_only_by_an_untrapped_combination_are_reported_with_it()
    {
        var messages = Unused("combinations:\n  M: [C2, K]\ntraps:\n  - { group: C1, sysreg: S3_0_C1_C0_0 }");
        Assert.Equal(3, messages.Count);
        Assert.Contains("Group 'C2' is used only by combination 'M', which nothing uses in turn, so it never affects a decision. Trap that combination (or 'C2' itself), or remove what is unused.", messages);
        Assert.Contains(messages, m => m.StartsWith("Group 'K' is used only by combination 'M',", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Group 'M' is never used:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_of_a_used_and_an_unused_combination_is_used()
    {
        var messages = Unused("combinations:\n  M: [C1, C2]\n  N: [C2, K]\ntraps:\n  - { group: M, sysreg: S3_0_C1_C0_0 }");
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.StartsWith("Group 'K' is used only by combination 'N',", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Group 'N' is never used:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_of_several_unused_combinations_names_them_all()
    {
        var messages = Unused("combinations:\n  M: [C2, C1]\n  N: [C2, K]\ntraps:\n  - { group: C1, sysreg: S3_0_C1_C0_0 }\n  - { group: K, sysreg: S3_0_C1_C0_1 }");
        Assert.Contains("Group 'C2' is used only by combinations 'M', 'N', which nothing uses in turn, so it never affects a decision. Trap one of them (or 'C2' itself), or remove what is unused.", messages);
    }

    [Fact]
    public void A_member_of_very_many_unused_combinations_names_the_first_few()
    {
        string combinations = "combinations:\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"  M{i}: [C2, K]\n"));
        var messages = Unused(combinations + "traps:\n  - { group: C1, sysreg: S3_0_C1_C0_0 }");
        Assert.Contains("Group 'C2' is used only by combinations 'M1', 'M2', 'M3', 'M4' and 2 more, which nothing uses in turn, so it never affects a decision. Trap one of them (or 'C2' itself), or remove what is unused.", messages);
    }

    [Fact]
    public void A_group_named_only_by_empty_trap_lists_is_reported_and_so_are_its_members()
    {
        var messages = Unused("combinations:\n  M: [C1, C2, K]\ntraps:\n  - { group: M, sysregs: [] }");
        Assert.Equal(4, messages.Count);
        Assert.Contains("Group 'M' is named only by traps that list no encoding ('sysregs: []'), so it traps nothing. List the encodings it traps, or remove it.", messages);
        Assert.Contains(messages, m => m.StartsWith("Group 'C1' is used only by combination 'M',", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trap_whose_encodings_do_not_resolve_still_uses_its_group()
    {
        // The unknown name is the error to fix; the group is not reported on top of it.
        var diagnostics = Rules.Diagnostics(("a.nvtrap.yaml", Head + "\ntraps:\n  - { group: C1, sysreg: NO_SUCH_EL1 }\n  - { group: C2, sysreg: S3_0_C1_C0_1 }\n  - { group: K, sysreg: S3_0_C1_C0_2 }"));
        Assert.Contains(diagnostics, d => d.Id == "NVT013");
        Assert.DoesNotContain(diagnostics, d => d.Id == "NVT070");
    }
}
