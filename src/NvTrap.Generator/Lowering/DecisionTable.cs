using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Binding;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// One record of the decision table: a flattened member as the engine tests it. A condition
/// carries mask 0 and value 1 (no register matches) and is flagged for evaluation.
/// </summary>
internal sealed record DecisionMember(int Group, int Register, bool IsCondition, ulong Mask, ulong Value)
{
    /// <summary>Record word 2 as the runtime's <c>MemberTest</c> reads it: register [7:0], group [23:8], condition [24].</summary>
    public ulong Packed => (byte)Register | ((ulong)(ushort)Group << 8) | (IsCondition ? 1UL << 24 : 0);
}

/// <summary>
/// The members each group forwards, split by direction when the ruleset is built so the engine
/// never tests a behaviour: list <c>2 * group + 1</c> holds the members that forward a read,
/// <c>2 * group</c> those that forward a write, each in flattened member order. Lists are
/// consecutive; <see cref="ListStarts"/> has one more entry than there are lists, so list
/// <c>n</c> is <c>[ListStarts[n], ListStarts[n + 1])</c> (bits [30:0]). Bit 31 of a start is
/// set when its list holds a condition, so the engine's common loop never contains a call.
/// </summary>
internal sealed record DecisionTable(EquatableArray<int> ListStarts, EquatableArray<DecisionMember> Members)
{
    /// <summary>Bit 31 of a list start: the list holds a condition.</summary>
    public const int ConditionFlag = int.MinValue;

    /// <summary>Behaviour bits, as in the runtime's <c>TrapBehaviour</c>: list 1 of a group is reads, list 0 writes.</summary>
    private static readonly int[] DirectionBehaviour = { 2, 1 };

    /// <param name="groups">Lowered groups indexed by id, id 0 the "none" placeholder.</param>
    /// <param name="members">The flattened member table the groups' starts and counts index.</param>
    public static DecisionTable Build(IReadOnlyList<LoweredGroup> groups, IReadOnlyList<ushort> members)
    {
        var starts = new List<int>(groups.Count * 2 + 1);
        var records = new List<DecisionMember>();
        foreach (var group in groups)
        {
            foreach (int behaviour in DirectionBehaviour)
            {
                int start = records.Count;
                bool hasCondition = false;
                for (int i = group.MemberStart; i < group.MemberStart + group.MemberCount; i++)
                {
                    var member = groups[members[i]];
                    if ((member.Behaviour & behaviour) == 0)
                    {
                        continue;
                    }

                    hasCondition |= member.Kind == GroupKind.Condition;
                    records.Add(member.Kind == GroupKind.Condition
                        ? new DecisionMember(member.Id, 0, true, 0, 1)
                        : new DecisionMember(member.Id, member.Register, false, member.Mask, member.Value));
                }

                starts.Add(hasCondition ? start | ConditionFlag : start);
            }
        }

        starts.Add(records.Count);
        return new DecisionTable(starts.ToEquatableArray(), records.ToEquatableArray());
    }
}
