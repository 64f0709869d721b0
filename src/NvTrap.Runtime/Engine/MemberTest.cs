using System.Runtime.CompilerServices;

namespace NvTrap;

/// <summary>
/// One entry of a ruleset's decision table: a member of a group's list for one direction, with
/// everything the engine needs to test it in one place (the mask, the value, the register and
/// which group it is), so testing a member reads one 24-byte record instead of a table per field.
/// A condition has mask 0 and value 1, which no register matches, and is flagged for evaluation.
/// </summary>
public readonly struct MemberTest
{
    private const int GroupShift = 8;
    private const int ConditionShift = 24;

    /// <summary>Wraps a record as stored: mask, value, and the packed register [7:0], group [23:8], condition flag [24].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MemberTest(ulong mask, ulong value, ulong packed)
    {
        Mask = mask;
        Value = value;
        Packed = packed;
    }

    /// <summary>The mask a control applies to its register (0 for a condition).</summary>
    public ulong Mask { get; }

    /// <summary>The value the masked register must equal (1 for a condition: never equal under mask 0).</summary>
    public ulong Value { get; }

    /// <summary>Register [7:0] (first, so reading it is a byte load), group [23:8], condition flag [24].</summary>
    public ulong Packed { get; }

    /// <summary>The member's group id: what a decision reports as <see cref="TrapDecision.Member"/>.</summary>
    public int Group => (int)(Packed >> GroupShift) & 0xFFFF;

    /// <summary>The register a control reads.</summary>
    public int Register => (int)(Packed & 0xFF);

    /// <summary>Whether the member is a condition, evaluated through <see cref="ITrapRules.EvaluateCondition"/>.</summary>
    public bool IsCondition => ((Packed >> ConditionShift) & 1) != 0;

    /// <summary>The record of a control.</summary>
    public static MemberTest Control(int group, int register, ulong mask, ulong value) =>
        new(mask, value, (byte)register | ((ulong)(ushort)group << GroupShift));

    /// <summary>The record of a condition.</summary>
    public static MemberTest Condition(int group) =>
        new(0, 1, ((ulong)(ushort)group << GroupShift) | (1UL << ConditionShift));
}
