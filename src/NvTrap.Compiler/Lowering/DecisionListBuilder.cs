using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// Flattens groups into member records: every group's members in member order (the group
/// tables), and per group and direction the members whose behaviour covers that direction (the
/// decision lists of <see cref="TableLayout.DecisionLists"/>), so the engine never tests a
/// behaviour while deciding.
/// </summary>
internal static class DecisionListBuilder
{
    /// <summary>Group id 0 is "none": an empty group, so tables indexed by id need no offset.</summary>
    public static (List<ushort> Starts, List<MemberTest> Records, List<byte> Kinds) GroupTables(BoundRuleset ruleset)
    {
        var starts = new List<ushort> { 0 };
        var records = new List<MemberTest>();
        var kinds = new List<byte> { (byte)RuleGroupKind.None };
        foreach (var group in ruleset.Groups)
        {
            starts.Add((ushort)records.Count);
            records.AddRange(Members(ruleset, group).Select(Record));
            kinds.Add((byte)group.Kind);
        }

        starts.Add((ushort)records.Count);
        return (starts, records, kinds);
    }

    /// <summary>The decision lists (list 2g+1 reads, 2g writes), padded to powers of two; the start table has one entry more than there are lists.</summary>
    public static (List<uint> Starts, List<MemberTest> Records) DecisionLists(BoundRuleset ruleset)
    {
        var starts = new List<uint>();
        var records = new List<MemberTest>();
        var groups = new BoundGroup?[] { null }.Concat(ruleset.Groups);
        foreach (var group in groups)
        {
            var members = group is null ? new List<BoundGroup>() : Members(ruleset, group).ToList();
            foreach (var direction in new[] { TrapBehaviour.Write, TrapBehaviour.Read })
            {
                uint start = (uint)records.Count;
                bool holdsCondition = false;
                foreach (var member in members.Where(m => (BehaviourOf(m) & direction) != 0))
                {
                    holdsCondition |= member is BoundCondition;
                    records.Add(Record(member));
                }

                starts.Add(holdsCondition ? start | TableLayout.DecisionLists.HoldsCondition : start);
            }
        }

        starts.Add((uint)records.Count);
        Pad(starts, (uint)records.Count);
        Pad(records, default);
        return (starts, records);
    }

    /// <summary>A group's flattened members: a combination's members, or the group itself.</summary>
    private static IEnumerable<BoundGroup> Members(BoundRuleset ruleset, BoundGroup group) =>
        group is BoundCombination combination ? combination.Members.Select(m => ruleset.GroupById(m.Group)) : new[] { group };

    private static TrapBehaviour BehaviourOf(BoundGroup group) => group switch
    {
        BoundControl control => control.Behaviour,
        BoundCondition condition => condition.Behaviour,
        _ => TrapBehaviour.None,
    };

    private static MemberTest Record(BoundGroup member) => member switch
    {
        BoundControl control => MemberTest.Control(control.Id, control.Register, control.Mask, control.Value, control.Behaviour),
        BoundCondition condition => MemberTest.Condition(condition.Id, condition.Behaviour),
        _ => throw new System.InvalidOperationException($"Group '{member.Name}' is a combination inside a combination; the checker rejects that before lowering."),
    };

    /// <summary>Pads a table with <paramref name="filler"/> to a power-of-two length, so indices can be masked.</summary>
    private static void Pad<T>(List<T> table, T filler)
    {
        int size = PowerOfTwo.AtLeast(table.Count);
        while (table.Count < size)
        {
            table.Add(filler);
        }
    }
}
