using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Semantics;
using NvTrap.Kernel.Import;

namespace NvTrap.Kernel.Export;

/// <summary>A ruleset written as a kernel tree: path (relative to the tree) to text.</summary>
internal sealed class ExportedTree
{
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>The tables file, arch/arm64/kvm/emulate-nested.c.</summary>
    public string Tables => Files[KernelTree.Tables];
}

/// <summary>Why a ruleset cannot be written as the kernel's tables.</summary>
internal sealed record ExportProblem(string Message);

/// <summary>
/// Writes a compiled ruleset as the kernel writes its trap tables: emulate-nested.c with enum
/// cgt_group_id in its three sections, coarse_trap_bits[], the MCB combinations, the CCC table of
/// condition functions, encoding_to_cgt[] and encoding_to_fgt[]. Registers, fields and encodings
/// are spelled with the kernel's macros (SYS_NAME, REG_FIELD, G_EL2_BIT_SHIFT), which the tree's
/// arch/arm64/tools/sysreg and kvm_host.h define, and the overlay carries the conditions' logic,
/// so importing the tree gives back the same ruleset.
/// </summary>
internal static class KernelCExporter
{
    public const string OverlayFile = "nvtrap-overlay.yaml";

    public static ExportedTree? Export(BoundRuleset ruleset, List<ExportProblem> problems)
    {
        foreach (var condition in ruleset.Groups.OfType<BoundCondition>().Where(c => c.Logic is not ExpressionLogic))
        {
            problems.Add(new ExportProblem($"Condition {condition.Name} is a C# method; the kernel's tables need its logic as an expression to write an overlay."));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var tree = new ExportedTree();
        var names = EncodingNames(ruleset);
        tree.Files[KernelTree.SysregFile] = SysregFile(ruleset, names);
        tree.Files["arch/arm64/include/asm/sysreg.h"] = SysregHeader();
        tree.Files["arch/arm64/include/asm/kvm_host.h"] = HostHeader(ruleset);
        tree.Files[KernelTree.Tables] = Tables(ruleset, names);
        tree.Files[OverlayFile] = Overlay(ruleset);
        return tree;
    }

    /// <summary>One catalogue name per encoding (the first in catalogue order), for SYS_NAME spellings.</summary>
    private static Dictionary<ushort, string> EncodingNames(BoundRuleset ruleset)
    {
        var names = new Dictionary<ushort, string>();
        foreach (var entry in ruleset.Catalogue)
        {
            if (!names.ContainsKey(entry.Encoding))
            {
                names[entry.Encoding] = entry.Name;
            }
        }

        return names;
    }

    private static string Fields5(ushort e) => $"{e >> 14} {(e >> 11) & 7} {(e >> 7) & 15} {(e >> 3) & 15} {e & 7}";

    private static string Encoding(ushort e, Dictionary<ushort, string> names) =>
        names.TryGetValue(e, out var name) ? "SYS_" + name : $"sys_reg({e >> 14}, {(e >> 11) & 7}, {(e >> 7) & 15}, {(e >> 3) & 15}, {e & 7})";

    private static IEnumerable<(int Hi, int Lo)> Runs(ulong bits)
    {
        int bit = 63;
        while (bit >= 0)
        {
            if ((bits >> bit & 1) == 0)
            {
                bit--;
                continue;
            }

            int hi = bit;
            while (bit >= 0 && (bits >> bit & 1) != 0)
            {
                bit--;
            }

            yield return (hi, bit + 1);
        }
    }

    private static string Bits(int hi, int lo) => hi == lo ? hi.ToString(CultureInfo.InvariantCulture) : $"{hi}:{lo}";

    private static string SysregFile(BoundRuleset ruleset, Dictionary<ushort, string> names)
    {
        var text = new StringBuilder();
        text.Append("# Registers and encodings of ruleset ").Append(ruleset.Name).Append(", written by nvtrap export kernel-c.\n");
        var registerNames = new HashSet<string>(ruleset.Registers.Select(r => r.Name), StringComparer.Ordinal);
        foreach (var register in ruleset.Registers)
        {
            text.Append('\n');
            text.Append(register.Encoding is { } e ? $"Sysreg\t{register.Name}\t{Fields5(e).Replace(' ', '\t')}\n" : $"SysregFields\t{register.Name}\n");
            foreach (var (hi, lo) in Runs(register.Res0))
            {
                text.Append($"Res0\t{Bits(hi, lo)}\n");
            }

            foreach (var field in register.Fields.OrderByDescending(f => f.Value.Hi).ThenBy(f => f.Key, StringComparer.Ordinal))
            {
                text.Append($"Field\t{Bits(field.Value.Hi, field.Value.Lo)}\t{field.Key}\n");
            }

            text.Append(register.Encoding is null ? "EndSysregFields\n" : "EndSysreg\n");
        }

        foreach (var (encoding, name) in names.OrderBy(n => n.Key))
        {
            if (!registerNames.Contains(name))
            {
                text.Append($"\nSysreg\t{name}\t{Fields5(encoding).Replace(' ', '\t')}\nEndSysreg\n");
            }
        }

        return text.ToString();
    }

    private static string SysregHeader() => """
        /* The encoding of a system register in an MRS/MSR/SYS instruction, written by nvtrap export kernel-c. */
        #define Op0_shift	19
        #define Op0_mask	0x3
        #define Op1_shift	16
        #define Op1_mask	0x7
        #define CRn_shift	12
        #define CRn_mask	0xf
        #define CRm_shift	8
        #define CRm_mask	0xf
        #define Op2_shift	5
        #define Op2_mask	0x7

        #define sys_reg(op0, op1, crn, crm, op2) \
        	(((op0) << Op0_shift) | ((op1) << Op1_shift) | \
        	 ((crn) << CRn_shift) | ((crm) << CRm_shift) | \
        	 ((op2) << Op2_shift))

        """;

    private static string HostHeader(BoundRuleset ruleset)
    {
        var text = new StringBuilder("/* The registers and fine-grained groups of ruleset " + ruleset.Name + ", written by nvtrap export kernel-c. */\n\nenum vcpu_sysreg {\n\t__INVALID_SYSREG__,\n");
        foreach (var register in ruleset.Registers)
        {
            text.Append('\t').Append(register.Name).Append(",\n");
        }

        text.Append("\tNR_SYS_REGS\n};\n\nenum fgt_group_id {\n\t__NO_FGT_GROUP__,\n");
        foreach (var group in ruleset.FineGrainedGroups)
        {
            text.Append('\t').Append(group.Name).Append("_GROUP,\n");
        }

        text.Append("\n\t__NR_FGT_GROUP_IDS__\n};\n");
        return text.ToString();
    }

    private static string Behaviour(TrapBehaviour behaviour) => behaviour switch
    {
        TrapBehaviour.Read => "BEHAVE_FORWARD_READ",
        TrapBehaviour.Write => "BEHAVE_FORWARD_WRITE",
        TrapBehaviour.Any => "BEHAVE_FORWARD_RW",
        _ => "BEHAVE_HANDLE_LOCALLY",
    };

    /// <summary>A mask spelled with the register's field macros when it is exactly one field or an OR of one-bit fields.</summary>
    private static string Mask(BoundRegister register, ulong bits)
    {
        if (bits == 0)
        {
            return "0";
        }

        ulong FieldBits((int Hi, int Lo) f) => (f.Hi == 63 ? ulong.MaxValue : (1UL << (f.Hi + 1)) - 1) & ~((1UL << f.Lo) - 1);
        var exact = register.Fields.FirstOrDefault(f => FieldBits(f.Value) == bits);
        if (exact.Key is not null)
        {
            return $"{register.Name}_{exact.Key}";
        }

        var parts = new List<string>();
        for (int bit = 0; bit < 64; bit++)
        {
            if ((bits >> bit & 1) == 0)
            {
                continue;
            }

            var single = register.Fields.Where(f => f.Value.Hi == bit && f.Value.Lo == bit).Select(f => f.Key).OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault();
            if (single is null)
            {
                return "0x" + bits.ToString("X", CultureInfo.InvariantCulture) + "UL";
            }

            parts.Add($"{register.Name}_{single}");
        }

        return string.Join(" | ", parts);
    }

    private static string Tables(BoundRuleset ruleset, Dictionary<ushort, string> names)
    {
        var text = new StringBuilder();
        text.Append("// Trap tables of ruleset ").Append(ruleset.Name).Append(", written by nvtrap export kernel-c.\n\n");
        text.Append("enum trap_behaviour {\n\tBEHAVE_HANDLE_LOCALLY\t= 0,\n\tBEHAVE_FORWARD_READ\t= BIT(0),\n\tBEHAVE_FORWARD_WRITE\t= BIT(1),\n\tBEHAVE_FORWARD_RW\t= BEHAVE_FORWARD_READ | BEHAVE_FORWARD_WRITE,\n};\n\n");

        var controls = ruleset.Groups.OfType<BoundControl>().ToList();
        var combinations = ruleset.Groups.OfType<BoundCombination>().ToList();
        var conditions = ruleset.Groups.OfType<BoundCondition>().ToList();
        string Id(BoundGroup group) => "CGT_" + group.Name;

        text.Append("enum cgt_group_id {\n\t__RESERVED__,\n\n");
        foreach (var control in controls)
        {
            text.Append('\t').Append(Id(control)).Append(",\n");
        }

        text.Append("\n\t__MULTIPLE_CONTROL_BITS__,\n");
        for (int k = 0; k < combinations.Count; k++)
        {
            text.Append('\t').Append(Id(combinations[k])).Append(k == 0 ? " = __MULTIPLE_CONTROL_BITS__" : string.Empty).Append(",\n");
        }

        text.Append("\n\t__COMPLEX_CONDITIONS__,\n");
        for (int k = 0; k < conditions.Count; k++)
        {
            text.Append('\t').Append(Id(conditions[k])).Append(k == 0 ? " = __COMPLEX_CONDITIONS__" : string.Empty).Append(",\n");
        }

        text.Append("\n\t__NR_CGT_GROUP_IDS__\n};\n\n");

        text.Append("static const struct trap_bits coarse_trap_bits[] = {\n");
        foreach (var control in controls)
        {
            var register = ruleset.Registers[control.Register];
            text.Append($"\t[{Id(control)}] = {{\n\t\t.index\t\t= {register.Name},\n\t\t.value\t\t= {Mask(register, control.Value)},\n\t\t.mask\t\t= {Mask(register, control.Mask)},\n\t\t.behaviour\t= {Behaviour(control.Behaviour)},\n\t}},\n");
        }

        text.Append("};\n\n#define MCB(id, ...)\t\t\t\t\t\t\\\n\t[id - __MULTIPLE_CONTROL_BITS__]\t=\t\t\\\n\t\t(const enum cgt_group_id[]){\t\t\t\\\n\t\t__VA_ARGS__, __RESERVED__\t\t\t\\\n\t\t}\n\n");
        text.Append("static const enum cgt_group_id *coarse_control_combo[] = {\n");
        foreach (var combination in combinations)
        {
            text.Append($"\tMCB({Id(combination)}, {string.Join(", ", combination.Members.Select(m => Id(ruleset.GroupById(m.Group))))}),\n");
        }

        text.Append("};\n\n#define CCC(id, fn)\t\t\t\t\\\n\t[id - __COMPLEX_CONDITIONS__] = fn\n\n");
        text.Append("static const complex_condition_check ccc[] = {\n");
        foreach (var condition in conditions)
        {
            text.Append($"\tCCC({Id(condition)}, {Function(condition)}),\n");
        }

        text.Append("};\n\n");
        text.Append("#define SR_RANGE_TRAP(sr_start, sr_end, trap_id)\t\t\t\\\n\t{\t\t\t\t\t\t\t\t\\\n\t\t.encoding\t= sr_start,\t\t\t\t\\\n\t\t.end\t\t= sr_end,\t\t\t\t\\\n\t\t.tc\t\t= {\t\t\t\t\t\\\n\t\t\t.cgt\t\t= trap_id,\t\t\t\\\n\t\t},\t\t\t\t\t\t\t\\\n\t\t.line = __LINE__,\t\t\t\t\t\\\n\t}\n\n");
        text.Append("#define SR_TRAP(sr, trap_id)\t\tSR_RANGE_TRAP(sr, sr, trap_id)\n\n");
        text.Append("static const struct encoding_to_trap_config encoding_to_cgt[] __initconst = {\n");
        foreach (var entry in ruleset.CoarseEntries)
        {
            string group = Id(ruleset.GroupById(entry.Group));
            text.Append(entry.First == entry.Last
                ? $"\tSR_TRAP({Encoding(entry.First, names)},\t{group}),\n"
                : $"\tSR_RANGE_TRAP({Encoding(entry.First, names)},\n\t\t      {Encoding(entry.Last, names)}, {group}),\n");
        }

        text.Append("};\n\nenum fg_filter_id {\n\t__NO_FGF__,\n\n\t__NR_FG_FILTER_IDS__\n};\n\n");
        text.Append("#define __FGT(g, b, p, f)\t\t\t\t\t\\\n\t\t{\t\t\t\t\t\t\\\n\t\t\t.fgt = g ## _GROUP,\t\t\t\\\n\t\t\t.bit = g ## _EL2_ ## b ## _SHIFT,\t\\\n\t\t\t.pol = p,\t\t\t\t\\\n\t\t\t.fgf = f,\t\t\t\t\\\n\t\t}\n\n");
        text.Append("#define SR_FGF_RANGE(sr, e, g, b, p, f)\t\t\t\t\\\n\t{\t\t\t\t\t\t\t\\\n\t\t.encoding\t= sr,\t\t\t\t\\\n\t\t.end\t\t= e,\t\t\t\t\\\n\t\t.tc\t\t= __FGT(g, b, p, f),\t\t\\\n\t\t.line = __LINE__,\t\t\t\t\\\n\t}\n\n");
        text.Append("#define SR_FGT(sr, g, b, p)\tSR_FGF_RANGE(sr, sr, g, b, p, __NO_FGF__)\n#define SR_FGT_RANGE(sr, end, g, b, p)\t\\\n\t\t\t\tSR_FGF_RANGE(sr, end, g, b, p, __NO_FGF__)\n\n");

        // The bit macros SR_FGT pastes: <group>_EL2_<bit>_SHIFT.
        foreach (var (group, bitName, bit) in ruleset.FineGrainedEntries.Select(e => (ruleset.FineGrainedGroups[e.FineGrainedGroup - 1].Name, BitMacro(e), e.Bit)).Distinct())
        {
            text.Append($"#define {group}_EL2_{bitName}_SHIFT\t{bit}\n");
        }

        text.Append("\nstatic const struct encoding_to_trap_config encoding_to_fgt[] __initconst = {\n");
        foreach (var entry in ruleset.FineGrainedEntries)
        {
            string group = ruleset.FineGrainedGroups[entry.FineGrainedGroup - 1].Name;
            string polarity = entry.TrapWhenSet ? "1" : "0";
            text.Append(entry.First == entry.Last
                ? $"\tSR_FGT({Encoding(entry.First, names)},\t{group}, {BitMacro(entry)}, {polarity}),\n"
                : $"\tSR_FGT_RANGE({Encoding(entry.First, names)},\n\t\t     {Encoding(entry.Last, names)},\n\t\t     {group}, {BitMacro(entry)}, {polarity}),\n");
        }

        text.Append("};\n");
        return text.ToString();
    }

    /// <summary>The bit's name for SR_FGT: its field name, or BIT and its number when the rules name it by number.</summary>
    private static string BitMacro(FineGrainedEntry entry)
    {
        int dot = entry.BitName.IndexOf('.');
        string name = dot >= 0 ? entry.BitName.Substring(dot + 1) : string.Empty;
        return name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_') ? name : $"BIT{entry.Bit}";
    }

    public static string Function(BoundCondition condition) => "check_" + condition.Name.ToLowerInvariant();

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Overlay(BoundRuleset ruleset)
    {
        var text = new StringBuilder();
        text.Append("# Overlay for the tree written by nvtrap export kernel-c: the logic of each condition function, and\n");
        text.Append("# the registers' fields and reserved bits, so nvtrap import kernel gives back ruleset ").Append(ruleset.Name).Append(".\n");
        text.Append("ruleset: ").Append(ruleset.Name).Append('\n');
        var conditions = ruleset.Groups.OfType<BoundCondition>().ToList();
        if (conditions.Count > 0)
        {
            text.Append("conditions:\n");
            foreach (var condition in conditions)
            {
                string forward = condition.Behaviour switch { TrapBehaviour.Read => "read", TrapBehaviour.Write => "write", _ => "any" };
                text.Append($"  {Function(condition)}:\n    forward: {forward}\n    when: {Quote(((ExpressionLogic)condition.Logic!).Text)}\n");
            }
        }

        if (ruleset.Registers.Count > 0)
        {
            text.Append("registers:\n");
            foreach (var register in ruleset.Registers)
            {
                var fields = register.Fields.OrderBy(f => f.Value.Lo).Select(f => f.Value.Hi == f.Value.Lo ? $"{f.Key}: {f.Value.Hi}" : $"{f.Key}: [{f.Value.Hi}, {f.Value.Lo}]");
                text.Append($"  {register.Name}: {{ fields: {{ {string.Join(", ", fields)} }}{(register.Res0 != 0 ? ", res0: sysreg" : string.Empty)} }}\n");
            }
        }

        if (ruleset.FineGrainedGroups.Count > 0)
        {
            text.Append("fine_grained:\n");
            foreach (var group in ruleset.FineGrainedGroups)
            {
                text.Append($"  {group.Name}: {{ read: {ruleset.Registers[group.ReadRegister].Name}, write: {ruleset.Registers[group.WriteRegister].Name} }}\n");
            }
        }

        return text.ToString();
    }
}
