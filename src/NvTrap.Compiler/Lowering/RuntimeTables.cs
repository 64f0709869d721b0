using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;

namespace NvTrap.Compiler.Lowering;

/// <summary>
/// Exactly the tables the decision engine reads (<see cref="TableLayout"/> says how), built once
/// by lowering. <see cref="TableSerializer"/> turns them into the bytes that generated code stores
/// as static data and the <c>nvtrap</c> tool holds in arrays, so both read one projection.
/// Padded tables already have their padding here.
/// </summary>
internal sealed record RuntimeTables(
    int SlotBits,
    EquatableArray<ushort> LookupDisplacements,
    EquatableArray<ulong> LookupSlots,
    EquatableArray<uint> DecisionListStarts,
    EquatableArray<MemberTest> DecisionRecords,
    EquatableArray<ushort> GroupStarts,
    EquatableArray<MemberTest> GroupRecords,
    EquatableArray<byte> GroupKinds,
    EquatableArray<byte> FineGrainedRegisters,
    EquatableArray<ulong> RegisterRes0,
    EquatableArray<ulong> RegisterRes1,
    EquatableArray<ulong> ParameterDefaults,
    uint SanitisedRegisters)
{
    /// <summary>The lookup's answer for an ISS key, as the runtime computes it: lowering verifies the table with this.</summary>
    public uint Lookup(uint issKey)
    {
        issKey &= EncodingLayout.IssKeyMask;
        ushort displacement = LookupDisplacements[TableLayout.Lookup.Bucket(issKey)];
        ulong slot = LookupSlots[TableLayout.Lookup.Slot(issKey, displacement, LookupSlots.Count - 1)];
        return TableLayout.Lookup.Config(slot, issKey);
    }
}

/// <summary>The tables as little-endian bytes, the form both generated code and the interpreter read.</summary>
internal sealed class SerializedTables
{
    public SerializedTables(RuntimeTables tables)
    {
        LookupDisplacements = TableSerializer.Words(tables.LookupDisplacements, TableLayout.Lookup.DisplacementSize);
        LookupSlots = TableSerializer.Words(tables.LookupSlots, TableLayout.Lookup.SlotSize);
        DecisionListStarts = TableSerializer.Words(tables.DecisionListStarts, TableLayout.DecisionLists.StartSize);
        DecisionRecords = TableSerializer.Records(tables.DecisionRecords);
        GroupStarts = TableSerializer.Words(tables.GroupStarts, TableLayout.Groups.StartSize);
        GroupRecords = TableSerializer.Records(tables.GroupRecords);
        GroupKinds = tables.GroupKinds.ToArray();
        FineGrainedRegisters = tables.FineGrainedRegisters.ToArray();
        RegisterRes0 = TableSerializer.Words(tables.RegisterRes0, TableLayout.RegisterMasks.Size);
        RegisterRes1 = TableSerializer.Words(tables.RegisterRes1, TableLayout.RegisterMasks.Size);
        ParameterDefaults = TableSerializer.Words(tables.ParameterDefaults, TableLayout.Parameters.Size);
    }

    public byte[] LookupDisplacements { get; }

    public byte[] LookupSlots { get; }

    public byte[] DecisionListStarts { get; }

    public byte[] DecisionRecords { get; }

    public byte[] GroupStarts { get; }

    public byte[] GroupRecords { get; }

    public byte[] GroupKinds { get; }

    public byte[] FineGrainedRegisters { get; }

    public byte[] RegisterRes0 { get; }

    public byte[] RegisterRes1 { get; }

    public byte[] ParameterDefaults { get; }
}
