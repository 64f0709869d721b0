using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Lowering;
using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Lowering;

// This project sees the runtime (namespace NvTrap) and the compiler's copy of the contract: use the compiler's.
using MemberTest = NvTrap.Compiler.Contract.MemberTest;
using TableLayout = NvTrap.Compiler.Contract.TableLayout;
using RuleGroupKind = NvTrap.Compiler.Contract.RuleGroupKind;
using EncodingLayout = NvTrap.Compiler.Contract.EncodingLayout;
using TrapBehaviour = NvTrap.Compiler.Contract.TrapBehaviour;

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
        var lowered = compilation.Find("t")!.Lowered!;
        return (lowered, name => lowered.Groups.Single(g => g.Name == name).Id);
    }

    private static List<MemberTest> List(LoweredRuleset lowered, int group, bool isRead, out bool flagged)
    {
        var tables = lowered.Tables;
        int list = TableLayout.DecisionLists.List(group, isRead);
        uint start = tables.DecisionListStarts[list];
        flagged = (start & TableLayout.DecisionLists.HoldsCondition) != 0;
        int first = (int)(start & TableLayout.DecisionLists.IndexMask);
        int end = (int)(tables.DecisionListStarts[list + 1] & TableLayout.DecisionLists.IndexMask);
        return Enumerable.Range(first, end - first).Select(i => tables.DecisionRecords[i]).ToList();
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
        Assert.Equal((0, 4UL, 4UL, false, TrapBehaviour.Any), (both.Register, both.Mask, both.Value, both.IsCondition, both.Behaviour));
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

        // One start per list plus the end, padded to a power of two with the end.
        var starts = lowered.Tables.DecisionListStarts;
        int lists = ((lowered.Groups.Count + 1) * 2) + 1;
        Assert.Equal(PowerOfTwo.AtLeast(lists), starts.Count);
        Assert.All(starts.Skip(lists - 1), s => Assert.Equal(starts[lists - 1], s));
    }

    [Fact]
    public void Group_tables_list_every_groups_members_in_order_with_their_kinds()
    {
        var (lowered, id) = Lower();
        var tables = lowered.Tables;
        var mixed = Enumerable.Range(tables.GroupStarts[id("MIXED")], tables.GroupStarts[id("MIXED") + 1] - tables.GroupStarts[id("MIXED")])
            .Select(i => tables.GroupRecords[i].Group);
        Assert.Equal(new[] { id("WRITES"), id("READS"), id("BOTH") }, mixed);
        Assert.Equal((byte)RuleGroupKind.Combination, tables.GroupKinds[id("MIXED")]);
        Assert.Equal((byte)RuleGroupKind.Condition, tables.GroupKinds[id("K")]);
        Assert.Equal((byte)RuleGroupKind.None, tables.GroupKinds[0]);
        Assert.Equal(lowered.Groups.Count + 2, tables.GroupStarts.Count);
    }

    [Fact]
    public void The_lookup_is_keyed_by_iss_bits_and_gives_each_configured_encoding_its_packed_config()
    {
        var (lowered, id) = Lower();
        var configured = new Dictionary<ushort, uint>
        {
            [EncodingLayout.Pack(3, 0, 1, 0, 0)] = (uint)id("MIXED"),
            [EncodingLayout.Pack(3, 0, 1, 2, 0)] = (uint)id("WITH_K"),
            [EncodingLayout.Pack(3, 0, 1, 3, 0)] = (uint)id("READS"),
        };
        for (int value = 0; value <= ushort.MaxValue; value++)
        {
            configured.TryGetValue((ushort)value, out uint config);
            Assert.Equal(config, lowered.Tables.Lookup(EncodingLayout.IssKey((ushort)value)));
        }
    }

    [Fact]
    public void Serialized_tables_read_back_through_the_runtime_reader_as_the_model()
    {
        var (lowered, _) = Lower();
        var tables = lowered.Tables;
        var bytes = new SerializedTables(tables);
        for (int i = 0; i < tables.LookupSlots.Count; i++)
        {
            Assert.Equal(tables.LookupSlots[i], NvTrap.TableReader.UInt64(bytes.LookupSlots, i));
        }

        for (int i = 0; i < tables.LookupDisplacements.Count; i++)
        {
            Assert.Equal(tables.LookupDisplacements[i], NvTrap.TableReader.UInt16(bytes.LookupDisplacements, i));
        }

        for (int i = 0; i < tables.DecisionRecords.Count; i++)
        {
            var read = NvTrap.TableReader.MemberTest(bytes.DecisionRecords, i);
            Assert.Equal((tables.DecisionRecords[i].Mask, tables.DecisionRecords[i].Value, tables.DecisionRecords[i].Packed), (read.Mask, read.Value, read.Packed));
        }
    }
}
