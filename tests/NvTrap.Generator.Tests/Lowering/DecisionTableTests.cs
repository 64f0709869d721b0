using NvTrap.Compiler.Lowering;
using NvTrap.Generator.Tests.Infrastructure;

namespace NvTrap.Generator.Tests.Lowering;

/// <summary>The decision table: each group's members split by direction, in order, conditions flagged.</summary>
public class DecisionTableTests
{
    private const string Yaml = """
        ruleset: t
        registers:
          R: { fields: { A: 0, B: 1, C: 2 } }
        controls:
          READS: { register: R, mask: A, value: A, forward: read }
          WRITES: { register: R, mask: B, value: [], forward: write }
          BOTH: { register: R, mask: C, value: C, forward: any }
        conditions:
          K: { forward: read, when: "R.A && crm == 2" }
        combinations:
          MIXED: [WRITES, READS, BOTH]
          WITH_K: [BOTH, K]
        traps:
          - { group: MIXED, sysreg: S3_0_C1_C0_0 }
          - { group: WITH_K, sysreg: S3_0_C1_C2_0 }
          - { group: READS, sysreg: S3_0_C1_C3_0 }
        """;

    private static (LoweredRuleset Lowered, Func<string, int> Id) Lower()
    {
        var compilation = Rules.Compile(("a.nvtrap.yaml", Yaml));
        Assert.Empty(compilation.Diagnostics);
        var lowered = compilation.Find("t")!.Value.Compiled.Lowered!;
        return (lowered, name => lowered.Groups.Single(g => g.Name == name).Id);
    }

    private static List<DecisionMember> List(LoweredRuleset lowered, int group, bool isRead, out bool flagged)
    {
        var table = lowered.Decisions;
        int list = (group << 1) | (isRead ? 1 : 0);
        int start = table.ListStarts[list];
        flagged = start < 0;
        int first = start & int.MaxValue, end = table.ListStarts[list + 1] & int.MaxValue;
        return Enumerable.Range(first, end - first).Select(i => table.Members[i]).ToList();
    }

    [Fact]
    public void Each_direction_lists_the_members_that_forward_it_in_member_order()
    {
        var (lowered, id) = Lower();
        var reads = List(lowered, id("MIXED"), isRead: true, out bool readsFlagged);
        var writes = List(lowered, id("MIXED"), isRead: false, out bool writesFlagged);
        Assert.Equal(new[] { id("READS"), id("BOTH") }, reads.Select(m => m.Group));
        Assert.Equal(new[] { id("WRITES"), id("BOTH") }, writes.Select(m => m.Group));
        Assert.False(readsFlagged || writesFlagged);

        var both = writes[1];
        Assert.Equal((0, 4UL, 4UL, false), (both.Register, both.Mask, both.Value, both.IsCondition));
        Assert.Equal((ulong)id("BOTH"), (both.Packed >> 8) & 0xFFFF);
    }

    [Fact]
    public void A_list_with_a_condition_is_flagged_and_the_condition_never_matches_as_a_control()
    {
        var (lowered, id) = Lower();
        var reads = List(lowered, id("WITH_K"), isRead: true, out bool flagged);
        Assert.True(flagged);
        Assert.Equal(new[] { id("BOTH"), id("K") }, reads.Select(m => m.Group));
        var condition = reads[1];
        Assert.True(condition.IsCondition);
        Assert.Equal((0UL, 1UL), (condition.Mask, condition.Value));
        Assert.Equal(1UL << 24, condition.Packed & (1UL << 24));

        // The condition only forwards reads: the write list holds the control alone, unflagged.
        var writes = List(lowered, id("WITH_K"), isRead: false, out bool writesFlagged);
        Assert.False(writesFlagged);
        Assert.Equal(new[] { id("BOTH") }, writes.Select(m => m.Group));
    }

    [Fact]
    public void A_control_group_lists_itself_for_its_direction_and_nothing_for_the_other()
    {
        var (lowered, id) = Lower();
        Assert.Equal(new[] { id("READS") }, List(lowered, id("READS"), isRead: true, out _).Select(m => m.Group));
        Assert.Empty(List(lowered, id("READS"), isRead: false, out _));
        Assert.Empty(List(lowered, 0, isRead: true, out _));
        Assert.Equal(lowered.Groups.Count * 2 + 1, lowered.Decisions.ListStarts.Count);
        Assert.Equal(lowered.Decisions.Members.Count, lowered.Decisions.ListStarts[^1]);
    }

    [Fact]
    public void The_perfect_hash_is_keyed_by_iss_bits_and_agrees_with_the_entries_for_every_encoding()
    {
        var (lowered, _) = Lower();
        var expected = lowered.Entries.ToDictionary(e => e.Encoding, e => e.Config);
        for (int value = 0; value <= ushort.MaxValue; value++)
        {
            expected.TryGetValue((ushort)value, out ulong config);
            Assert.Equal(config, lowered.Hash.LookupEncoding((ushort)value));
        }

        var entry = lowered.Entries[0];
        Assert.Equal(entry.Config, lowered.Hash.Lookup(NvTrap.Compiler.Binding.EncodingMath.IssKey(entry.Encoding)));
    }
}
