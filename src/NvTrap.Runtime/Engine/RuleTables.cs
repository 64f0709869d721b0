using System.Runtime.CompilerServices;

namespace NvTrap;

/// <summary>
/// Reads a ruleset's tables as <see cref="TableLayout"/> lays them out: the one implementation of
/// each read, shared by the engine, the explainer and the tools, whichever <see cref="ITrapRules"/>
/// holds the bytes.
/// </summary>
public static class RuleTables
{
    /// <summary>
    /// The packed config of the encoding an ISS key names, 0 if the ruleset has none: the lookup
    /// every <see cref="ITrapRules.LookupIssKey"/> of a compiled ruleset is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LookupIssKey<TRules>(in TRules rules, uint issKey)
        where TRules : struct, ITrapRules
    {
        issKey &= EncodingLayout.IssKeyMask;
        var slots = rules.LookupSlots;
        // Both indices are in range by construction: a 22-bit key shifted right by 10 indexes the
        // 4,096 displacements, and the slot index is masked to the power-of-two slot count.
        uint displacement = TableReader.UInt16Unchecked(rules.LookupDisplacements, TableLayout.Lookup.Bucket(issKey));
        ulong slot = TableReader.UInt64Unchecked(slots, TableLayout.Lookup.Slot(issKey, displacement, (slots.Length / TableLayout.Lookup.SlotSize) - 1));
        return TableLayout.Lookup.Config(slot, issKey);
    }

    /// <summary>The packed config of an encoding, 0 if the ruleset has none.</summary>
    public static uint Lookup<TRules>(in TRules rules, SysRegEncoding encoding)
        where TRules : struct, ITrapRules =>
        Unsafe.AsRef(in rules).LookupIssKey(encoding.IssKey);

    /// <summary>The start word of a decision list (<see cref="TableLayout.DecisionLists"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint DecisionListStart<TRules>(ref TRules rules, int list)
        where TRules : struct, ITrapRules
    {
        var starts = rules.DecisionListStarts;
        // Masked to the padded power-of-two size: a valid list index is unchanged, and no index
        // can read outside the table.
        return TableReader.UInt32Unchecked(starts, list & ((starts.Length / TableLayout.DecisionLists.StartSize) - 1));
    }

    /// <summary>Record <paramref name="index"/> of the decision lists.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MemberTest DecisionRecord<TRules>(ref TRules rules, int index)
        where TRules : struct, ITrapRules
    {
        var records = rules.DecisionRecords;
        return TableReader.MemberTestUnchecked(records, index & ((records.Length / MemberTest.Size) - 1));
    }

    /// <summary>The register a fine-grained group tests for an access direction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FineGrainedRegister<TRules>(ref TRules rules, int fineGrainedGroup, bool isRead)
        where TRules : struct, ITrapRules =>
        TableReader.ByteUnchecked(rules.FineGrainedRegisters, TableLayout.FineGrainedRegisters.Index(fineGrainedGroup, isRead));

    /// <summary>A register's default RES0 bits: what a compiled ruleset's <see cref="IVmProfile.Res0"/> answers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DefaultRes0<TRules>(in TRules rules, int register)
        where TRules : struct, ITrapRules =>
        TableReader.UInt64Unchecked(rules.RegisterRes0, TableLayout.RegisterMasks.Index(register));

    /// <summary>A register's default RES1 bits: what a compiled ruleset's <see cref="IVmProfile.Res1"/> answers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DefaultRes1<TRules>(in TRules rules, int register)
        where TRules : struct, ITrapRules =>
        TableReader.UInt64Unchecked(rules.RegisterRes1, TableLayout.RegisterMasks.Index(register));

    /// <summary>A parameter's default value: what a compiled ruleset's <see cref="IVmProfile.Parameter"/> answers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DefaultParameter<TRules>(in TRules rules, int parameter)
        where TRules : struct, ITrapRules =>
        TableReader.UInt64Unchecked(rules.ParameterDefaults, TableLayout.Parameters.Index(parameter));

    /// <summary>
    /// A register as the rules see it: sanitised with the VM's reserved bits,
    /// <c>(value &amp; ~res0) | res1</c>. For a register the ruleset does not sanitise both masks
    /// are 0 and the value is unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read<TState, TVm>(ref TState state, ref TVm vm, int register)
        where TState : struct, IVcpuState
        where TVm : struct, IVmProfile =>
        (state.ReadRegister(register) & ~vm.Res0(register)) | vm.Res1(register);

    /// <summary>How many groups the ruleset has, not counting id 0 ("none").</summary>
    public static int GroupCount<TRules>(in TRules rules)
        where TRules : struct, ITrapRules =>
        rules.GroupKinds.Length - 1;

    /// <summary>A group's kind.</summary>
    public static RuleGroupKind KindOf<TRules>(in TRules rules, int group)
        where TRules : struct, ITrapRules =>
        (RuleGroupKind)TableReader.Byte(rules.GroupKinds, group);

    /// <summary>A group's flattened members, in member order (a control or condition is its own only member).</summary>
    public static MemberTest[] MembersOf<TRules>(in TRules rules, int group)
        where TRules : struct, ITrapRules
    {
        int start = TableReader.UInt16(rules.GroupStarts, group);
        int end = TableReader.UInt16(rules.GroupStarts, group + 1);
        var members = new MemberTest[end - start];
        for (int i = 0; i < members.Length; i++)
        {
            members[i] = TableReader.MemberTest(rules.GroupRecords, start + i);
        }

        return members;
    }

    /// <summary>Every configured encoding, ascending: the keys of the lookup's occupied slots (a new array each call).</summary>
    public static SysRegEncoding[] ConfiguredEncodings<TRules>(in TRules rules)
        where TRules : struct, ITrapRules
    {
        var slots = rules.LookupSlots;
        var encodings = new System.Collections.Generic.List<SysRegEncoding>();
        for (int i = 0; i < slots.Length / TableLayout.Lookup.SlotSize; i++)
        {
            ulong slot = TableReader.UInt64(slots, i);
            if (slot != 0)
            {
                encodings.Add(SysRegEncoding.FromIssKey((uint)(slot >> 32)));
            }
        }

        encodings.Sort();
        return encodings.ToArray();
    }
}
