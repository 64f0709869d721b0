using System.Runtime.CompilerServices;

#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>
/// One record of a ruleset's member tables: a control or condition as the engine tests it, with
/// everything in one place so testing a member reads one 24-byte record. Stored as three
/// little-endian 64-bit words: the mask, the value, and a packed word holding the register
/// [7:0], the member's group id [23:8], the condition flag [24] and the behaviour [27:25].
/// A condition has mask 0 and value 1, which no register value matches, so the engine's loop
/// over controls needs no test for it; the condition flag sends it to evaluation instead.
/// </summary>
public readonly struct MemberTest : System.IEquatable<MemberTest>
{
    /// <summary>Bytes per record.</summary>
    public const int Size = 24;

    private const int GroupShift = 8;
    private const int ConditionShift = 24;
    private const int BehaviourShift = 25;

    /// <summary>Wraps a record as stored.</summary>
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

    /// <summary>The packed word: register [7:0] (first, so reading it is a byte load), group [23:8], condition [24], behaviour [27:25].</summary>
    public ulong Packed { get; }

    /// <summary>The member's group id.</summary>
    public int Group => (int)(Packed >> GroupShift) & 0xFFFF;

    /// <summary>The register a control reads.</summary>
    public int Register => (int)(Packed & 0xFF);

    /// <summary>Whether the member is a condition, to be evaluated rather than compared.</summary>
    public bool IsCondition => ((Packed >> ConditionShift) & 1) != 0;

    /// <summary>What the member forwards when it matches.</summary>
    public TrapBehaviour Behaviour => (TrapBehaviour)((Packed >> BehaviourShift) & 7);

    /// <inheritdoc />
    public bool Equals(MemberTest other) => Mask == other.Mask && Value == other.Value && Packed == other.Packed;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MemberTest other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((int)(Mask ^ (Mask >> 32) ^ (Value * 31) ^ (Packed * 17)));

    /// <summary>The record of a control.</summary>
    public static MemberTest Control(int group, int register, ulong mask, ulong value, TrapBehaviour behaviour) =>
        new(mask, value, (byte)register | ((ulong)(ushort)group << GroupShift) | ((ulong)behaviour << BehaviourShift));

    /// <summary>The record of a condition.</summary>
    public static MemberTest Condition(int group, TrapBehaviour behaviour) =>
        new(0, 1, ((ulong)(ushort)group << GroupShift) | (1UL << ConditionShift) | ((ulong)behaviour << BehaviourShift));
}
