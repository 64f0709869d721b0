using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Lowering;

namespace NvTrap.Compiler.Emitting;

/// <summary>
/// Writes <c>&lt;Class&gt;.NvTrap.Tables.g.cs</c>: the ruleset's tables as static data in a nested
/// <c>Tables</c> class, each row commented with what it encodes (which encoding, group or
/// register), so a reviewer can check the data against the rule files.
/// </summary>
internal sealed class TablesEmitter
{
    private readonly LoweredRuleset _ruleset;
    private readonly SerializedTables _bytes;
    private readonly Dictionary<ushort, string> _sysRegNames;

    private TablesEmitter(LoweredRuleset ruleset)
    {
        _ruleset = ruleset;
        _bytes = new SerializedTables(ruleset.Tables);
        _sysRegNames = new Dictionary<ushort, string>();
        for (int i = 0; i < ruleset.Names.NamedEncodings.Count; i++)
        {
            _sysRegNames[ruleset.Names.NamedEncodings[i]] = ruleset.Names.SysRegNames[i];
        }
    }

    public static void Emit(CodeWriter w, LoweredRuleset ruleset, string generatedCode) => new TablesEmitter(ruleset).Write(w, generatedCode);

    private void Write(CodeWriter w, string generatedCode)
    {
        var tables = _ruleset.Tables;
        var names = _ruleset.Names;
        w.Summary("The ruleset's tables as the decision engine reads them (NvTrap.TableLayout describes each). Values are little-endian; 16-bit units of a wide table are written low unit first.");
        w.Line(generatedCode);
        w.Open($"private static class {GeneratedNames.Tables}");

        TableWriter.Write(w, "LookupDisplacements",
            Invariant.Format($"The lookup's displacement for each of the {TableLayout.Lookup.BucketCount:N0} buckets (ISS bits [21:10]: op0, op2, op1, CRn); a bucket's keys go to slot ((key >> 1) ^ displacement) & {(1 << tables.SlotBits) - 1}."),
            _bytes.LookupDisplacements, TableLayout.Lookup.DisplacementSize,
            bucket => tables.LookupDisplacements[bucket] == 0 ? null : $"bucket 0x{bucket:X3} ({Bucket(bucket)}): 0x{tables.LookupDisplacements[bucket]:X4}",
            (first, last) => $"buckets 0x{first:X3}-0x{last:X3}: 0");
        w.Line();

        TableWriter.Write(w, "LookupSlots",
            Invariant.Format($"The lookup's {tables.LookupSlots.Count:N0} slots: ISS key in the upper 32 bits, packed trap config in the lower 32 (empty slots are 0)."),
            _bytes.LookupSlots, TableLayout.Lookup.SlotSize,
            slot => tables.LookupSlots[slot] == 0 ? null : $"slot {slot}: {Slot(tables.LookupSlots[slot])}",
            (first, last) => first == last ? $"slot {first}: empty" : $"slots {first}-{last}: empty");
        w.Line();

        int lists = (names.Groups.Count * 2) + 1;
        TableWriter.Write(w, "DecisionListStarts",
            "Where each group's decision list starts in DecisionRecords: list 2g + 1 holds group g's members that forward a read, 2g those that forward a write; bit 31 is set when the list holds a condition. The entry after the last list is its end; the rest is padding.",
            _bytes.DecisionListStarts, TableLayout.DecisionLists.StartSize,
            list => list < lists - 1 ? $"{names.Groups[list >> 1]} {((list & 1) != 0 ? "reads" : "writes")}{Flag(tables.DecisionListStarts[list])}" : list == lists - 1 ? "end" : null,
            (first, last) => "padding");
        w.Line();

        TableWriter.Write(w, "DecisionRecords",
            "The decision lists' members: mask, value, and register [7:0] | group [23:8] | condition [24] | behaviour [27:25].",
            _bytes.DecisionRecords, MemberTest.Size,
            record => record < ListEnd(tables) ? Member(tables.DecisionRecords[record]) : null,
            (first, last) => "padding");
        w.Line();

        TableWriter.Write(w, "GroupStarts",
            "Where each group's flattened members start in GroupRecords, by group id (0 is 'none'); the last entry is the end.",
            _bytes.GroupStarts, TableLayout.Groups.StartSize,
            group => group < names.Groups.Count ? names.Groups[group] : "end",
            (first, last) => string.Empty);
        w.Line();

        TableWriter.Write(w, "GroupRecords",
            "Every group's flattened members in member order, as in DecisionRecords.",
            _bytes.GroupRecords, MemberTest.Size,
            record => Member(tables.GroupRecords[record]),
            (first, last) => string.Empty);
        w.Line();

        TableWriter.Write(w, "GroupKinds",
            "Each group's kind (1 control, 2 combination, 3 condition), by group id.",
            _bytes.GroupKinds, 1,
            group => $"{names.Groups[group]}: {RuleWords.Of((RuleGroupKind)tables.GroupKinds[group])}",
            (first, last) => string.Empty);
        w.Line();

        TableWriter.Write(w, "FineGrainedRegisters",
            "The register each fine-grained group tests, at (group << 1) | isRead.",
            _bytes.FineGrainedRegisters, 2,
            group => group < names.FineGrainedGroups.Count && group > 0
                ? $"{names.FineGrainedGroups[group]}: writes {names.Registers[tables.FineGrainedRegisters[group * 2]]}, reads {names.Registers[tables.FineGrainedRegisters[(group * 2) + 1]]}"
                : null,
            (first, last) => first == 0 && last == 0 ? "none" : "unused group ids");
        w.Line();

        TableWriter.Write(w, "RegisterRes0",
            "Each register's default RES0 bits, by register index (0 for a register the ruleset does not sanitise).",
            _bytes.RegisterRes0, TableLayout.RegisterMasks.Size,
            register => register < names.Registers.Count ? $"{names.Registers[register]}: {Invariant.Hex(tables.RegisterRes0[register])}" : null,
            (first, last) => "unused register indices");
        w.Line();

        TableWriter.Write(w, "RegisterRes1",
            "Each register's default RES1 bits, by register index (0 for a register the ruleset does not sanitise).",
            _bytes.RegisterRes1, TableLayout.RegisterMasks.Size,
            register => register < names.Registers.Count ? $"{names.Registers[register]}: {Invariant.Hex(tables.RegisterRes1[register])}" : null,
            (first, last) => "unused register indices");
        w.Line();

        TableWriter.Write(w, "ParameterDefaults",
            "Each VM parameter's default value, by parameter index.",
            _bytes.ParameterDefaults, TableLayout.Parameters.Size,
            parameter => parameter < names.Parameters.Count ? $"{names.Parameters[parameter]}: {tables.ParameterDefaults[parameter]}" : null,
            (first, last) => "unused parameter indices");

        w.Close();
    }

    private static int ListEnd(RuntimeTables tables) => (int)(tables.DecisionListStarts[tables.DecisionListStarts.Count - 1] & TableLayout.DecisionLists.IndexMask);

    private static string Flag(uint start) => (start & TableLayout.DecisionLists.HoldsCondition) != 0 ? " (holds a condition)" : string.Empty;

    private static string Bucket(int bucket)
    {
        uint key = (uint)bucket << TableLayout.Lookup.BucketShift;
        ushort encoding = EncodingLayout.FromIssKey(key);
        return $"op0 {EncodingLayout.Op0(encoding)}, op2 {EncodingLayout.Op2(encoding)}, op1 {EncodingLayout.Op1(encoding)}, CRn {EncodingLayout.CRn(encoding)}";
    }

    private string Slot(ulong slot)
    {
        uint key = (uint)(slot >> 32);
        uint config = (uint)slot;
        ushort encoding = EncodingLayout.FromIssKey(key);
        string name = _sysRegNames.TryGetValue(encoding, out var sysReg) ? $"{EncodingLayout.GenericName(encoding)} {sysReg}" : EncodingLayout.GenericName(encoding);
        var parts = new List<string>();
        int group = TrapConfigLayout.Group(config);
        if (group != 0)
        {
            parts.Add($"group {_ruleset.Names.Groups[group]}");
        }

        int fineGrained = TrapConfigLayout.FineGrainedGroup(config);
        if (fineGrained != 0)
        {
            parts.Add($"{_ruleset.Names.FineGrainedGroups[fineGrained]} bit {TrapConfigLayout.Bit(config)} traps when {(TrapConfigLayout.Polarity(config) != 0 ? "set" : "clear")}");
            int filter = TrapConfigLayout.Filter(config);
            if (filter != 0)
            {
                parts.Add($"unless {_ruleset.Names.Filters[filter]}");
            }
        }

        return $"{name} -> {string.Join(", ", parts)}";
    }

    private string Member(MemberTest record)
    {
        string group = _ruleset.Names.Groups[record.Group];
        return record.IsCondition
            ? $"{group}: condition, forwards {RuleWords.Of(record.Behaviour)}"
            : $"{group}: ({_ruleset.Names.Registers[record.Register]} & {Invariant.Hex(record.Mask)}) == {Invariant.Hex(record.Value)}, forwards {RuleWords.Of(record.Behaviour)}";
    }
}
