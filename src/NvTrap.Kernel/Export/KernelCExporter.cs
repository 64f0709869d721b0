using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
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
/// trap_behaviour, enum cgt_group_id in its three sections, coarse_trap_bits[] (with
/// BEHAVE_FORWARD_IN_HOST_EL0), the MCB combinations, the CCC table of condition functions,
/// encoding_to_cgt[], enum fg_filter_id, encoding_to_fgt[] (SR_FGT and, for filtered entries,
/// SR_FGF) and non_0x18_fgt[]. Registers, fields and encodings are spelled with the kernel's
/// macros (SYS_NAME, OP_NAME, REG_FIELD, G_EL2_BIT_SHIFT), which the tree's arch/arm64/tools/sysreg
/// (registers, fields, Res0/Res1 lines), sysreg.h and kvm_host.h define, and the overlay carries
/// what the kernel writes in C - the conditions' logic, the filters' expressions, the context
/// tests and the VM parameters - so importing the tree gives back the same ruleset.
/// </summary>
internal static class KernelCExporter
{
    public const string OverlayFile = "nvtrap-overlay.yaml";

    /// <summary>
    /// Exports <paramref name="ruleset"/>. <paramref name="functionNames"/> names a condition's C
    /// function by group name (the kernel's own name, when the rule files record it); a
    /// condition it does not name gets <c>check_&lt;group&gt;</c>.
    /// </summary>
    public static ExportedTree? Export(BoundRuleset ruleset, List<ExportProblem> problems, IReadOnlyDictionary<string, string>? functionNames = null)
    {
        foreach (var condition in ruleset.Groups.OfType<BoundCondition>().Where(c => c.Logic is not ExpressionLogic))
        {
            problems.Add(new ExportProblem($"Condition {condition.Name} is a C# method; the kernel's tables need its logic as an expression to write an overlay."));
        }

        foreach (var filter in ruleset.Filters.Where(f => f.When is null))
        {
            problems.Add(new ExportProblem($"Filter {filter.Name} has no expression to write to the overlay."));
        }

        // Everything below is one C namespace in the tree: enumerators of vcpu_sysreg,
        // cgt_group_id, fgt_group_id and fg_filter_id, beside the tables' own names. A rule name
        // valid in NvTrap may still be a C keyword or one of those names: refused here, at the
        // name, rather than written as C that does not compile.
        var enumerators = CNames.Reserved.ToDictionary(n => n, _ => "a name the exported tables use themselves", StringComparer.Ordinal);
        void Claim(string name, string what, Compiler.Common.SourceSpan at)
        {
            if (CNames.IsKeyword(name))
            {
                problems.Add(new ExportProblem($"{at.ToDisplayString()}: {what} would be the C enumerator {name}, a C keyword; rename it."));
            }
            else if (enumerators.TryGetValue(name, out var other))
            {
                problems.Add(new ExportProblem($"{at.ToDisplayString()}: {what} would be the C enumerator {name}, which is also {Article(other)}; rename {(char.IsUpper(other[0]) ? "one of them" : "it")}."));
            }
            else
            {
                enumerators[name] = what;
            }
        }

        // The sysreg file's macros are named after registers and fields; an enumerator spelled like
        // one would be macro-expanded where it is declared.
        foreach (var register in ruleset.Registers)
        {
            foreach (string macro in SysregFile.SysregMacroNames.All(register.Name, register.Encoding is not null, register.Fields.Keys))
            {
                enumerators.TryAdd(macro, $"the macro the sysreg file defines for register {register.Name}");
            }
        }

        foreach (var register in ruleset.Registers)
        {
            Claim(register.Name, $"Register {register.Name}", register.Span);
        }

        foreach (var group in ruleset.Groups)
        {
            Claim("CGT_" + group.Name, $"Group {group.Name}", group.Span);
        }

        foreach (var group in ruleset.FineGrainedGroups)
        {
            Claim(group.Name + "_GROUP", $"Fine-grained group {group.Name}", group.Span);
        }

        foreach (var filter in ruleset.Filters)
        {
            Claim(filter.Name, $"Filter {filter.Name}", filter.Span);
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var export = new Writer(ruleset, functionNames);
        var tree = new ExportedTree();
        tree.Files[KernelTree.SysregFile] = export.SysregFile();
        tree.Files["arch/arm64/include/asm/sysreg.h"] = export.SysregHeader();
        tree.Files["arch/arm64/include/asm/kvm_host.h"] = export.HostHeader();
        // The kernel's tables also read these two; the exported ones spell everything through the
        // sysreg file and sysreg.h, so they are there only to make the tree whole.
        tree.Files["arch/arm64/include/asm/kvm_arm.h"] = "/* The exported trap tables spell their masks with the sysreg file's REG_FIELD macros: nothing here. */\n";
        tree.Files["include/clocksource/arm_arch_timer.h"] = "/* The exported trap tables use no timer macros: nothing here. */\n";
        tree.Files[KernelTree.Tables] = export.Tables();
        tree.Files[OverlayFile] = export.Overlay();
        return tree;
    }

    /// <summary>"register X" as "register X", "the macro ..." and "a name ..." unchanged.</summary>
    private static string Article(string what) => char.IsUpper(what[0]) ? char.ToLowerInvariant(what[0]) + what.Substring(1) : what;

    /// <summary>A condition's C function: the name given for it, else <c>check_&lt;group&gt;</c> in lower case.</summary>
    public static string Function(BoundCondition condition) => "check_" + condition.Name.ToLowerInvariant();

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static ulong FieldBits(int hi, int lo) => (hi == 63 ? ulong.MaxValue : (1UL << (hi + 1)) - 1) & ~((1UL << lo) - 1);

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

    private static (int Op0, int Op1, int CRn, int CRm, int Op2) Fields5(ushort e) => (e >> 14, (e >> 11) & 7, (e >> 7) & 15, (e >> 3) & 15, e & 7);

    private static string SysReg(ushort e, string macro = "sys_reg")
    {
        var (op0, op1, crn, crm, op2) = Fields5(e);
        return $"{macro}({op0}, {op1}, {crn}, {crm}, {op2})";
    }

    private static string Forward(TrapBehaviour behaviour) => (behaviour & TrapBehaviour.Any) switch
    {
        TrapBehaviour.Read => "read",
        TrapBehaviour.Write => "write",
        _ => "any",
    };

    /// <summary>
    /// The writer of one export: it decides once how each encoding, group, function and bit is
    /// spelled, then writes each file of the tree with those spellings.
    /// </summary>
    private sealed class Writer
    {
        private readonly BoundRuleset _ruleset;
        private readonly List<BoundControl> _controls;
        private readonly List<BoundCombination> _combinations;
        private readonly List<BoundCondition> _conditions;
        private readonly Dictionary<string, string> _functions = new(StringComparer.Ordinal);
        private readonly Dictionary<ushort, string> _spelling = new();
        private readonly List<(string Macro, string Body)> _encodingMacros = new();
        private readonly HashSet<string> _registerNames;
        private readonly Dictionary<(int Group, int Bit, string Name), string> _bitMacros = new();
        private readonly List<(string Macro, int Bit)> _bitDefines = new();
        private readonly Dictionary<string, HashSet<string>> _bitNamesUsed = new(StringComparer.Ordinal);
        private readonly HashSet<string> _produced = new(StringComparer.Ordinal);
        private readonly List<(string Family, int Low, int High)> _familyRanges = new();
        private readonly List<string> _extraNames = new();

        public Writer(BoundRuleset ruleset, IReadOnlyDictionary<string, string>? functionNames)
        {
            _ruleset = ruleset;
            _controls = ruleset.Groups.OfType<BoundControl>().ToList();
            _combinations = ruleset.Groups.OfType<BoundCombination>().ToList();
            _conditions = ruleset.Groups.OfType<BoundCondition>().ToList();
            _registerNames = new HashSet<string>(ruleset.Registers.Select(r => r.Name), StringComparer.Ordinal);
            NameFunctions(functionNames);
            SpellEncodings();
            CatalogueBeyondTables();
            SpellBits();
        }

        private static string Id(BoundGroup group) => "CGT_" + group.Name;

        private string FineGroup(int id) => _ruleset.FineGrainedGroups[id - 1].Name;

        private BoundRegister Register(int index) => _ruleset.Registers[index];

        private string Encoding(ushort e) => _spelling.TryGetValue(e, out var name) ? name : SysReg(e);

        /// <summary>
        /// Each condition's function: the given name when it is a C identifier not already taken,
        /// else check_&lt;group&gt; (in lower case, as the kernel names them, unless that is taken too).
        /// </summary>
        private void NameFunctions(IReadOnlyDictionary<string, string>? given)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var condition in _conditions)
            {
                string? name = given is not null && given.TryGetValue(condition.Name, out var g) && IsIdentifier(g) && !taken.Contains(g) ? g : null;
                name ??= !taken.Contains(Function(condition)) ? Function(condition) : "check_" + condition.Name;
                for (int k = 2; taken.Contains(name); k++)
                {
                    name = $"check_{condition.Name}_{k}";
                }

                taken.Add(name);
                _functions[condition.Name] = name;
            }
        }

        private static bool IsIdentifier(string text) =>
            text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

        /// <summary>
        /// The spelling of every encoding a table entry starts or ends at: SYS_NAME (OP_NAME for an
        /// instruction) for the first catalogue name of the encoding, as the rules' listings show
        /// it, and sys_reg(...) for an encoding the catalogue does not name. The import names an
        /// encoding by its macro, so these names come back; a name strictly inside a range cannot.
        /// </summary>
        private void SpellEncodings()
        {
            var names = new Dictionary<ushort, string>();
            foreach (var entry in _ruleset.Catalogue)
            {
                names.TryAdd(entry.Encoding, entry.Name);
            }

            var used = _ruleset.CoarseEntries.SelectMany(e => new[] { e.First, e.Last })
                .Concat(_ruleset.FineGrainedEntries.SelectMany(e => new[] { e.First, e.Last }))
                .Distinct()
                .OrderBy(e => e);
            var families = Families();
            var familiesDefined = new HashSet<string>(StringComparer.Ordinal);
            foreach (ushort encoding in used)
            {
                if (!names.TryGetValue(encoding, out var name) || !ImportsAs(name))
                {
                    continue;
                }

                if (_ruleset.FindRegister(name) is null && families.TryGetValue(name, out var member))
                {
                    // A member of an indexed family: the kernel's indexed macro, SYS_DBGBVRn_EL1(3).
                    _spelling[encoding] = $"{member.Macro}({member.Index})";
                    _produced.Add(name);
                    if (familiesDefined.Add(member.Macro))
                    {
                        _encodingMacros.Add(($"{member.Macro}(n)", member.Body));
                    }

                    continue;
                }

                var register = _ruleset.FindRegister(name);
                if (register is not null)
                {
                    // A register of the rules has a Sysreg block of its own, which defines SYS_NAME:
                    // usable only when the block's encoding is this one.
                    if (register.Encoding == encoding)
                    {
                        _spelling[encoding] = "SYS_" + name;
                        _produced.Add(name);
                    }

                    continue;
                }

                _produced.Add(name);
                if (encoding >> 14 == 1)
                {
                    _spelling[encoding] = "OP_" + name;
                    _encodingMacros.Add(("OP_" + name, SysReg(encoding, "sys_insn")));
                }
                else
                {
                    _spelling[encoding] = "SYS_" + name;
                    _encodingMacros.Add(("SYS_" + name, SysReg(encoding)));
                }
            }
        }

        /// <summary>
        /// What the catalogue holds beyond the names the tables spell, for the overlay to bring back:
        /// a family's members on either side of the indices the tables use (its range under
        /// <c>families</c>), and names no entry spells (under <c>sysregs</c>, each with its SYS_ or OP_
        /// macro). A second name of an encoding the tables already name is left out, so the listings
        /// keep the name they show.
        /// </summary>
        private void CatalogueBeyondTables()
        {
            var families = Families();
            var covered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var family in families.Where(m => _produced.Contains(m.Key)).GroupBy(m => m.Value.Macro, StringComparer.Ordinal))
            {
                var all = families.Where(m => m.Value.Macro == family.Key).ToList();
                var spelled = family.Select(m => m.Value.Index).OrderBy(i => i).ToList();
                int low = all.Min(m => m.Value.Index), high = all.Max(m => m.Value.Index);
                bool contiguous = spelled.Count >= 2 && spelled[spelled.Count - 1] - spelled[0] + 1 == spelled.Count;
                if (!contiguous)
                {
                    continue;
                }

                covered.UnionWith(all.Select(m => m.Key));
                if (low != spelled[0] || high != spelled[spelled.Count - 1])
                {
                    string bare = family.Key.Substring(family.Key.IndexOf('_') + 1);
                    _familyRanges.Add((KernelImporter.FamilyName(bare), low, high));
                }
            }

            var named = new HashSet<ushort>(_ruleset.Catalogue.Where(c => _produced.Contains(c.Name)).Select(c => c.Encoding));
            var defined = new HashSet<string>(_encodingMacros.Select(m => m.Macro), StringComparer.Ordinal);
            foreach (var entry in _ruleset.Catalogue)
            {
                if (_produced.Contains(entry.Name) || covered.Contains(entry.Name) || !ImportsAs(entry.Name) || !named.Add(entry.Encoding))
                {
                    continue;
                }

                var register = _ruleset.FindRegister(entry.Name);
                if (register is not null && register.Encoding != entry.Encoding)
                {
                    // Its Sysreg block defines SYS_NAME with another encoding (or none): no spelling fits.
                    named.Remove(entry.Encoding);
                    continue;
                }

                string macro = (entry.Encoding >> 14 == 1 ? "OP_" : "SYS_") + entry.Name;
                if (register is null && defined.Add(macro))
                {
                    _encodingMacros.Add((macro, SysReg(entry.Encoding, entry.Encoding >> 14 == 1 ? "sys_insn" : "sys_reg")));
                }

                _extraNames.Add(entry.Name);
            }
        }

        /// <summary>
        /// The catalogue's indexed families (DBGBVR&lt;n&gt;_EL1: members defined on one line) that the
        /// kernel can spell as an indexed macro the import reads back as the same family: member name
        /// to the macro (SYS_DBGBVRn_EL1), its index, and the macro's body in (n).
        /// </summary>
        private Dictionary<string, (string Macro, int Index, string Body)> Families()
        {
            var members = new Dictionary<string, (string, int, string)>(StringComparer.Ordinal);
            var byLine = _ruleset.Catalogue.GroupBy(c => (c.Span.Path, c.Span.StartOffset)).Where(g => g.Count() >= 2);
            foreach (var family in byLine)
            {
                var entries = family.ToList();
                if (FamilyPattern(entries.Select(e => e.Name).ToList()) is not { } pattern)
                {
                    continue;
                }

                var points = entries.Select((e, k) => (Index: pattern.Indices[k], e.Encoding)).OrderBy(p => p.Index).ToList();
                string familyName = pattern.Prefix + "<n>" + pattern.Suffix;
                string? macro = new[] { pattern.Prefix + "n" + pattern.Suffix, pattern.Prefix + pattern.Suffix }
                    .FirstOrDefault(m => ImportsAs(m) && KernelImporter.FamilyName(m) == familyName);
                if (macro is null || CatalogueFamilies.FitFields(points) is not { } fields)
                {
                    continue;
                }

                bool instruction = points.All(p => p.Encoding >> 14 == 1);
                string body = (instruction ? "sys_insn(" : "sys_reg(") + string.Join(", ", fields.Select(f => Regex.Replace(f, @"\bn\b", "(n)"))) + ")";
                string prefixed = (instruction ? "OP_" : "SYS_") + macro;
                for (int k = 0; k < entries.Count; k++)
                {
                    members[entries[k].Name] = (prefixed, pattern.Indices[k], body);
                }
            }

            return members;
        }

        /// <summary>
        /// The names' common prefix and suffix around a decimal index (DBGBVR0_EL1 .. DBGBVR15_EL1 is
        /// DBGBVR, _EL1, 0..15), when every index is written plainly (no leading zero) and they run
        /// without a gap. The index takes as many of the prefix's trailing digits as that allows
        /// (DBGBVR10_EL1 .. DBGBVR15_EL1 is 10..15), and no more (AMEVCNTR00_EL0 .. AMEVCNTR03_EL0 is AMEVCNTR0, 0..3).
        /// </summary>
        private static (string Prefix, string Suffix, int[] Indices)? FamilyPattern(IReadOnlyList<string> names)
        {
            string first = names[0];
            int prefix = first.Length, suffix = first.Length;
            foreach (string name in names)
            {
                prefix = Math.Min(prefix, CommonPrefix(first, name));
                suffix = Math.Min(suffix, CommonPrefix(Reverse(first), Reverse(name)));
            }

            // The suffix starts after the index's digits.
            while (suffix > 0 && char.IsAsciiDigit(first[first.Length - suffix]))
            {
                suffix--;
            }

            int digits = 0;
            while (digits < prefix && char.IsAsciiDigit(first[prefix - digits - 1]))
            {
                digits++;
            }

            for (int cut = digits; cut >= 0; cut--)
            {
                int start = prefix - cut;
                var indices = new int[names.Count];
                bool plain = true;
                for (int k = 0; k < names.Count && plain; k++)
                {
                    int length = names[k].Length - suffix - start;
                    string middle = length > 0 ? names[k].Substring(start, length) : string.Empty;
                    plain = middle.Length is > 0 and < 4 && middle.All(char.IsAsciiDigit) && (middle == "0" || middle[0] != '0');
                    indices[k] = plain ? int.Parse(middle, CultureInfo.InvariantCulture) : 0;
                }

                if (plain && indices.Distinct().Count() == indices.Length && indices.Max() - indices.Min() + 1 == indices.Length)
                {
                    return (first.Substring(0, start), first.Substring(first.Length - suffix), indices);
                }
            }

            return null;
        }

        private static int CommonPrefix(string a, string b)
        {
            int k = 0;
            while (k < a.Length && k < b.Length && a[k] == b[k])
            {
                k++;
            }

            return k;
        }

        private static string Reverse(string text)
        {
            var chars = text.ToCharArray();
            Array.Reverse(chars);
            return new string(chars);
        }

        /// <summary>Whether the import names SYS_NAME as NAME (it strips SYS_ and OP_ and reads _OP_ as _).</summary>
        private static bool ImportsAs(string name) =>
            !name.StartsWith("SYS_", StringComparison.Ordinal) && !name.StartsWith("OP_", StringComparison.Ordinal) && !name.Contains("_OP_");

        /// <summary>
        /// The bit names SR_FGT pastes into G_EL2_BIT_SHIFT: the field's own name, which the
        /// sysreg file already defines when G_EL2 is the register holding that field; a #define
        /// otherwise, and BIT&lt;n&gt; for a bit the rules name by number.
        /// </summary>
        private void SpellBits()
        {
            var bits = _ruleset.FineGrainedEntries.Select(e => (e.FineGrainedGroup, e.Bit, e.BitName))
                .Concat(_ruleset.NonSysregBits.Select(b => (b.FineGrainedGroup, b.Bit, b.BitName)));
            var defined = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (group, bit, bitName) in bits)
            {
                if (_bitMacros.ContainsKey((group, bit, bitName)))
                {
                    continue;
                }

                string groupName = FineGroup(group);
                int dot = bitName.IndexOf('.');
                string? field = dot >= 0 ? bitName.Substring(dot + 1) : null;
                if (field is not null)
                {
                    var fineGroup = _ruleset.FineGrainedGroups[group - 1];
                    foreach (int register in new[] { fineGroup.ReadRegister, fineGroup.WriteRegister }.Distinct())
                    {
                        if (!_bitNamesUsed.TryGetValue(Register(register).Name, out var set))
                        {
                            set = new HashSet<string>(StringComparer.Ordinal);
                            _bitNamesUsed[Register(register).Name] = set;
                        }

                        set.Add(field);
                    }
                }

                var own = _ruleset.FindRegister(groupName + "_EL2");
                string macroName = field ?? $"BIT{bit}";
                if (field is not null && own is not null && own.Fields.TryGetValue(field, out var f))
                {
                    if (f.Hi != bit || f.Lo != bit)
                    {
                        // The sysreg file defines this name at another bit: use the number instead.
                        macroName = $"BIT{bit}";
                    }
                    else
                    {
                        _bitMacros[(group, bit, bitName)] = field;
                        continue;
                    }
                }

                string macro = $"{groupName}_EL2_{macroName}_SHIFT";
                if (defined.Add(macro))
                {
                    _bitDefines.Add((macro, bit));
                }

                _bitMacros[(group, bit, bitName)] = macroName;
            }
        }

        // ---- arch/arm64/tools/sysreg --------------------------------------------------------

        public string SysregFile()
        {
            var text = new StringBuilder();
            text.Append("# The registers the trap rules of ruleset ").Append(_ruleset.Name).Append(" read, written by nvtrap export kernel-c:\n");
            text.Append("# their fields, and their reserved bits as the Res0 and Res1 lines the overlay takes them from.\n");
            foreach (var register in _ruleset.Registers)
            {
                text.Append('\n');
                if (register.Encoding is { } e)
                {
                    var (op0, op1, crn, crm, op2) = Fields5(e);
                    text.Append($"Sysreg\t{register.Name}\t{op0}\t{op1}\t{crn}\t{crm}\t{op2}\n");
                }
                else
                {
                    text.Append($"SysregFields\t{register.Name}\n");
                }

                // Fields and reserved runs from the top bit down, as the kernel's file lists them;
                // among one-bit fields of the same bit, the name a fine-grained entry uses comes first
                // (the import names a bit by the first such field).
                var preferred = _bitNamesUsed.GetValueOrDefault(register.Name);
                var lines = new List<(int Hi, int Lo, int Rank, string Name, string Line)>();
                foreach (var (hi, lo) in Runs(register.Res0))
                {
                    lines.Add((hi, lo, 0, string.Empty, $"Res0\t{Bits(hi, lo)}"));
                }

                foreach (var (hi, lo) in Runs(register.Res1))
                {
                    lines.Add((hi, lo, 0, string.Empty, $"Res1\t{Bits(hi, lo)}"));
                }

                foreach (var (name, (hi, lo)) in register.Fields)
                {
                    lines.Add((hi, lo, preferred?.Contains(name) == true ? 1 : 2, name, $"Field\t{Bits(hi, lo)}\t{name}"));
                }

                foreach (var line in lines.OrderByDescending(l => l.Hi).ThenBy(l => l.Lo).ThenBy(l => l.Rank).ThenBy(l => l.Name, StringComparer.Ordinal))
                {
                    text.Append(line.Line).Append('\n');
                }

                text.Append(register.Encoding is null ? "EndSysregFields\n" : "EndSysreg\n");
            }

            return text.ToString();
        }

        // ---- headers ----------------------------------------------------------------------------

        public string SysregHeader()
        {
            var text = new StringBuilder();
            text.Append("/* sys_reg() and the encodings the trap tables of ruleset ").Append(_ruleset.Name).Append(" name, written by nvtrap export kernel-c. */\n");
            text.Append("""
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

                #define sys_insn	sys_reg

                """);
            if (_encodingMacros.Count > 0)
            {
                text.Append("\n/* Encodings the tables name that are not registers of the rules. */\n");
                foreach (var (macro, body) in _encodingMacros)
                {
                    text.Append("#define ").Append(macro).Append(macro.Length < 24 ? new string('\t', (31 - macro.Length) / 8) : string.Empty).Append('\t').Append(body).Append('\n');
                }
            }

            return text.ToString();
        }

        public string HostHeader()
        {
            var text = new StringBuilder("/* The registers and fine-grained groups of ruleset " + _ruleset.Name + ", written by nvtrap export kernel-c. */\n\nenum vcpu_sysreg {\n\t" + CNames.InvalidSysreg + ",\n");
            foreach (var register in _ruleset.Registers)
            {
                text.Append('\t').Append(register.Name).Append(",\n");
            }

            text.Append($"\t{CNames.SysregCount}\n}};\n\nenum fgt_group_id {{\n\t{CNames.NoFineGrainedGroup},\n");
            foreach (var group in _ruleset.FineGrainedGroups)
            {
                text.Append('\t').Append(group.Name).Append("_GROUP,\n");
                if (WriteAlias(group) is { } alias)
                {
                    text.Append('\t').Append(alias).Append(" = ").Append(group.Name).Append("_GROUP,\n");
                }
            }

            text.Append($"\n\t{CNames.FineGrainedGroupCount}\n}};\n");
            return text.ToString();
        }

        /// <summary>
        /// Whether the import finds a group's registers from the enum alone: G_GROUP reads G_EL2,
        /// and writes G_EL2 too, or W_EL2 when the enum says W_GROUP = G_GROUP.
        /// </summary>
        private bool NamedByEnum(BoundFineGrainedGroup group) =>
            Register(group.ReadRegister).Name == group.Name + "_EL2"
            && (group.ReadRegister == group.WriteRegister || WriteAlias(group) is not null);

        /// <summary>The kernel's alias W_GROUP = G_GROUP for a group whose writes test W_EL2, when it can be written.</summary>
        private string? WriteAlias(BoundFineGrainedGroup group)
        {
            string write = Register(group.WriteRegister).Name;
            if (group.ReadRegister == group.WriteRegister || Register(group.ReadRegister).Name != group.Name + "_EL2" || !write.EndsWith("_EL2", StringComparison.Ordinal))
            {
                return null;
            }

            string alias = write.Substring(0, write.Length - "_EL2".Length) + "_GROUP";
            return _ruleset.FineGrainedGroups.Any(g => g.Name + "_GROUP" == alias) || _registerNames.Contains(alias) || _ruleset.Filters.Any(f => f.Name == alias)
                ? null
                : alias;
        }

        // ---- arch/arm64/kvm/emulate-nested.c ----------------------------------------------------

        private static string Behaviour(TrapBehaviour behaviour)
        {
            string forward = (behaviour & TrapBehaviour.Any) switch
            {
                TrapBehaviour.Read => CNames.ForwardRead,
                TrapBehaviour.Write => CNames.ForwardWrite,
                TrapBehaviour.Any => CNames.ForwardAny,
                _ => CNames.HandleLocally,
            };
            return (behaviour & TrapBehaviour.InHostEl0) != 0 ? forward + " | " + CNames.ForwardInHostEl0 : forward;
        }

        /// <summary>A mask spelled with the register's field macros when it is exactly one field or an OR of one-bit fields.</summary>
        private static string Mask(BoundRegister register, ulong bits)
        {
            if (bits == 0)
            {
                return "0";
            }

            var exact = register.Fields.Where(f => FieldBits(f.Value.Hi, f.Value.Lo) == bits).Select(f => f.Key).OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault();
            if (exact is not null)
            {
                return $"{register.Name}_{exact}";
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
                    return Hex(bits) + "UL";
                }

                parts.Add($"{register.Name}_{single}");
            }

            return string.Join(" | ", parts);
        }

        public string Tables()
        {
            var text = new StringBuilder();
            text.Append("// SPDX-License-Identifier: GPL-2.0-only\n");
            text.Append("// Trap tables of ruleset ").Append(_ruleset.Name).Append(", written by nvtrap export kernel-c.\n");
            text.Append("// What the kernel computes in C (the CCC functions, the filters, is_hyp_ctxt, the VM's numbers)\n");
            text.Append("// is in nvtrap-overlay.yaml beside this tree.\n\n");
            text.Append($"enum trap_behaviour {{\n\t{CNames.HandleLocally}\t= 0,\n\n\t{CNames.ForwardRead}\t= BIT(0),\n\t{CNames.ForwardWrite}\t= BIT(1),\n\t{CNames.ForwardAny}\t= {CNames.ForwardRead} | {CNames.ForwardWrite},\n\n");
            text.Append($"\t/* Traps that take effect in Host EL0, this is rare! */\n\t{CNames.ForwardInHostEl0}\t= BIT(2),\n}};\n\n");

            GroupEnum(text);
            CoarseTrapBits(text);
            Combinations(text);
            ConditionChecks(text);
            CoarseEntries(text);
            FineGrained(text);
            return text.ToString();
        }

        private void GroupEnum(StringBuilder text)
        {
            text.Append($"enum cgt_group_id {{\n\t{CNames.ReservedGroup},\n\n");
            foreach (var control in _controls)
            {
                text.Append('\t').Append(Id(control)).Append(",\n");
            }

            text.Append($"\n\t/* Multiple bits */\n\t{CNames.MultipleControlBits},\n");
            for (int k = 0; k < _combinations.Count; k++)
            {
                text.Append('\t').Append(Id(_combinations[k])).Append(k == 0 ? " = " + CNames.MultipleControlBits : string.Empty).Append(",\n");
            }

            text.Append($"\n\t/* Complex conditions */\n\t{CNames.ComplexConditions},\n");
            for (int k = 0; k < _conditions.Count; k++)
            {
                text.Append('\t').Append(Id(_conditions[k])).Append(k == 0 ? " = " + CNames.ComplexConditions : string.Empty).Append(",\n");
            }

            text.Append($"\n\t/* Must be last */\n\t{CNames.GroupCount}\n}};\n\n");
        }

        private void CoarseTrapBits(StringBuilder text)
        {
            text.Append("static const struct trap_bits coarse_trap_bits[] = {\n");
            foreach (var control in _controls)
            {
                var register = Register(control.Register);
                text.Append($"\t[{Id(control)}] = {{\n\t\t.index\t\t= {register.Name},\n\t\t.value\t\t= {Mask(register, control.Value)},\n\t\t.mask\t\t= {Mask(register, control.Mask)},\n\t\t.behaviour\t= {Behaviour(control.Behaviour)},\n\t}},\n");
            }

            text.Append("};\n\n");
        }

        private void Combinations(StringBuilder text)
        {
            text.Append("#define MCB(id, ...)\t\t\t\t\t\t\\\n\t[id - __MULTIPLE_CONTROL_BITS__]\t=\t\t\\\n\t\t(const enum cgt_group_id[]){\t\t\t\\\n\t\t__VA_ARGS__, __RESERVED__\t\t\t\\\n\t\t}\n\n");
            text.Append("static const enum cgt_group_id *coarse_control_combo[] = {\n");
            foreach (var combination in _combinations)
            {
                text.Append($"\tMCB({Id(combination)}, {string.Join(", ", combination.Members.Select(m => Id(_ruleset.GroupById(m.Group))))}),\n");
            }

            text.Append("};\n\n");
        }

        private void ConditionChecks(StringBuilder text)
        {
            text.Append("typedef enum trap_behaviour (*complex_condition_check)(struct kvm_vcpu *);\n\n");
            if (_conditions.Count > 0)
            {
                text.Append("/* Each condition's logic is the overlay's expression for its function. */\n");
                foreach (var condition in _conditions)
                {
                    string when = ((ExpressionLogic)condition.Logic!).Text.Replace("*/", "* /");
                    text.Append($"/* {Behaviour(condition.Behaviour)} when {when} */\n");
                    text.Append($"static enum trap_behaviour {_functions[condition.Name]}(struct kvm_vcpu *vcpu);\n");
                }

                text.Append('\n');
            }

            text.Append("#define CCC(id, fn)\t\t\t\t\\\n\t[id - __COMPLEX_CONDITIONS__] = fn\n\n");
            text.Append("static const complex_condition_check ccc[] = {\n");
            foreach (var condition in _conditions)
            {
                text.Append($"\tCCC({Id(condition)}, {_functions[condition.Name]}),\n");
            }

            text.Append("};\n\n");
        }

        private void CoarseEntries(StringBuilder text)
        {
            text.Append("#define SR_RANGE_TRAP(sr_start, sr_end, trap_id)\t\t\t\\\n\t{\t\t\t\t\t\t\t\t\\\n\t\t.encoding\t= sr_start,\t\t\t\t\\\n\t\t.end\t\t= sr_end,\t\t\t\t\\\n\t\t.tc\t\t= {\t\t\t\t\t\\\n\t\t\t.cgt\t\t= trap_id,\t\t\t\\\n\t\t},\t\t\t\t\t\t\t\\\n\t\t.line = __LINE__,\t\t\t\t\t\\\n\t}\n\n");
            text.Append("#define SR_TRAP(sr, trap_id)\t\tSR_RANGE_TRAP(sr, sr, trap_id)\n\n");
            text.Append("static const struct encoding_to_trap_config encoding_to_cgt[] __initconst = {\n");
            foreach (var entry in _ruleset.CoarseEntries)
            {
                string group = Id(_ruleset.GroupById(entry.Group));
                text.Append(entry.First == entry.Last
                    ? $"\tSR_TRAP({Encoding(entry.First)},\t{group}),\n"
                    : $"\tSR_RANGE_TRAP({Encoding(entry.First)},\n\t\t      {Encoding(entry.Last)}, {group}),\n");
            }

            text.Append("};\n\n");
        }

        private void FineGrained(StringBuilder text)
        {
            text.Append($"enum fg_filter_id {{\n\t{CNames.NoFilter},\n");
            foreach (var filter in _ruleset.Filters)
            {
                text.Append('\t').Append(filter.Name).Append(",\n");
            }

            text.Append($"\n\t/* Must be last */\n\t{CNames.FilterCount}\n}};\n\n");
            text.Append("#define __FGT(g, b, p, f)\t\t\t\t\t\\\n\t{\t\t\t\t\t\t\t\\\n\t\t.fgt = g ## _GROUP,\t\t\t\t\\\n\t\t.bit = g ## _EL2_ ## b ## _SHIFT,\t\t\\\n\t\t.pol = p,\t\t\t\t\t\\\n\t\t.fgf = f,\t\t\t\t\t\\\n\t}\n\n");
            text.Append("#define FGT(g, b, p)\t\t__FGT(g, b, p, __NO_FGF__)\n\n");
            text.Append("#define SR_FGF_RANGE(sr, e, g, b, p, f)\t\t\t\t\\\n\t{\t\t\t\t\t\t\t\\\n\t\t.encoding\t= sr,\t\t\t\t\\\n\t\t.end\t\t= e,\t\t\t\t\\\n\t\t.tc\t\t= __FGT(g, b, p, f),\t\t\\\n\t\t.line = __LINE__,\t\t\t\t\\\n\t}\n\n");
            text.Append("#define SR_FGF(sr, g, b, p, f)\tSR_FGF_RANGE(sr, sr, g, b, p, f)\n");
            text.Append("#define SR_FGT(sr, g, b, p)\tSR_FGF_RANGE(sr, sr, g, b, p, __NO_FGF__)\n");
            text.Append("#define SR_FGT_RANGE(sr, end, g, b, p)\t\\\n\t\t\t\tSR_FGF_RANGE(sr, end, g, b, p, __NO_FGF__)\n\n");

            if (_bitDefines.Count > 0)
            {
                text.Append("/* Bits the sysreg file does not define as <group>_EL2_<bit>_SHIFT. */\n");
                foreach (var (macro, bit) in _bitDefines)
                {
                    text.Append($"#define {macro}\t{bit}\n");
                }

                text.Append('\n');
            }

            text.Append("static const struct encoding_to_trap_config encoding_to_fgt[] __initconst = {\n");
            foreach (var entry in _ruleset.FineGrainedEntries)
            {
                string group = FineGroup(entry.FineGrainedGroup);
                string bit = _bitMacros[(entry.FineGrainedGroup, entry.Bit, entry.BitName)];
                string polarity = entry.TrapWhenSet ? "1" : "0";
                string? filter = entry.Filter == 0 ? null : _ruleset.Filters[entry.Filter - 1].Name;
                if (entry.First == entry.Last)
                {
                    text.Append(filter is null
                        ? $"\tSR_FGT({Encoding(entry.First)},\t{group}, {bit}, {polarity}),\n"
                        : $"\tSR_FGF({Encoding(entry.First)},\t{group}, {bit}, {polarity}, {filter}),\n");
                }
                else
                {
                    text.Append(filter is null
                        ? $"\tSR_FGT_RANGE({Encoding(entry.First)},\n\t\t     {Encoding(entry.Last)},\n\t\t     {group}, {bit}, {polarity}),\n"
                        : $"\tSR_FGF_RANGE({Encoding(entry.First)},\n\t\t     {Encoding(entry.Last)},\n\t\t     {group}, {bit}, {polarity}, {filter}),\n");
                }
            }

            text.Append("};\n\n");
            text.Append("static const union trap_config non_0x18_fgt[] __initconst = {\n");
            foreach (var bit in _ruleset.NonSysregBits)
            {
                text.Append($"\tFGT({FineGroup(bit.FineGrainedGroup)}, {_bitMacros[(bit.FineGrainedGroup, bit.Bit, bit.BitName)]}, {(bit.TrapWhenSet ? "1" : "0")}),\n");
            }

            text.Append("};\n");
        }

        // ---- nvtrap-overlay.yaml ----------------------------------------------------------------

        /// <summary>
        /// The register a condition's entry files it under: a register defined in the same rule
        /// file, else the register whose name (without _ELn) the group's name starts with.
        /// </summary>
        private string? ConditionRegister(BoundCondition condition)
        {
            var sameFile = _ruleset.Registers.FirstOrDefault(r => r.Span.Path == condition.Span.Path);
            if (sameFile is not null)
            {
                return sameFile.Name;
            }

            return _ruleset.Registers
                .Select(r => (r.Name, Bare: r.Name.LastIndexOf("_EL", StringComparison.Ordinal) is int el and > 0 ? r.Name.Substring(0, el) : r.Name))
                .Where(r => condition.Name.StartsWith(r.Bare + "_", StringComparison.Ordinal))
                .OrderByDescending(r => r.Bare.Length)
                .Select(r => r.Name)
                .FirstOrDefault();
        }

        public string Overlay()
        {
            var text = new StringBuilder();
            text.Append("# Overlay for the tree written by nvtrap export kernel-c: what the kernel writes in C, as NvTrap\n");
            text.Append("# data, so that `nvtrap import kernel --source DIR --overlay DIR/").Append(OverlayFile).Append("` gives back ruleset ").Append(_ruleset.Name).Append(".\n");
            text.Append("# The format is in docs/import.md.\n");
            text.Append("ruleset: ").Append(_ruleset.Name).Append('\n');

            if (_ruleset.Context.Span is not null)
            {
                text.Append("\n# is_hyp_ctxt and vcpu_is_host_el0.\ncontext:\n");
                text.Append("  hypervisor: ").Append(Quote(_ruleset.Context.Hypervisor.Text)).Append('\n');
                if (_ruleset.Context.HostEl0 is { } hostEl0)
                {
                    text.Append("  host_el0: ").Append(Quote(hostEl0.Text)).Append('\n');
                }
            }

            if (_ruleset.Parameters.Count > 0)
            {
                text.Append("\n# Numbers of the VM the conditions read.\nparameters:\n");
                foreach (var parameter in _ruleset.Parameters)
                {
                    text.Append($"  {parameter.Name}: {{ default: {Number(parameter.Default)}, range: {Number(parameter.Min)}..{Number(parameter.Max)} }}\n");
                }
            }

            if (_ruleset.Filters.Count > 0)
            {
                text.Append("\n# One expression per member of enum fg_filter_id: while it holds, the SR_FGF entries naming it are off.\nfilters:\n");
                foreach (var filter in _ruleset.Filters)
                {
                    text.Append($"  {filter.Name}: {Quote(filter.When!.Text)}\n");
                }
            }

            if (_conditions.Count > 0)
            {
                text.Append("\n# One entry per CCC function.\nconditions:\n");
                foreach (var condition in _conditions)
                {
                    text.Append($"  {_functions[condition.Name]}:\n");
                    if (ConditionRegister(condition) is { } register)
                    {
                        text.Append($"    register: {register}\n");
                    }

                    text.Append($"    forward: {KernelCExporter.Forward(condition.Behaviour)}\n");
                    if ((condition.Behaviour & TrapBehaviour.InHostEl0) != 0)
                    {
                        text.Append("    in_host_el0: true\n");
                    }

                    text.Append($"    when: {Quote(((ExpressionLogic)condition.Logic!).Text)}\n");
                }
            }

            // Registers: the fields the sysreg file does not give the import (it reads a fine-grained
            // group's register's fields from the file, any other register's from the masks that use
            // them), and the reserved bits of the sanitised ones, from the file's Res0/Res1 lines.
            var fineRegisters = new HashSet<int>(_ruleset.FineGrainedGroups.SelectMany(g => new[] { g.ReadRegister, g.WriteRegister }));
            var lines = new List<string>();
            foreach (var register in _ruleset.Registers)
            {
                var parts = new List<string>();
                if (register.IsSanitised && (register.Res0 != 0 || register.Res1 == 0))
                {
                    parts.Add("res0: sysreg");
                }

                if (register.IsSanitised && register.Res1 != 0)
                {
                    parts.Add("res1: sysreg");
                }

                if (!fineRegisters.Contains(register.Index) && register.Fields.Count > 0)
                {
                    var fields = register.Fields.OrderByDescending(f => f.Value.Hi).ThenBy(f => f.Value.Lo).ThenBy(f => f.Key, StringComparer.Ordinal)
                        .Select(f => f.Value.Hi == f.Value.Lo ? $"{f.Key}: {f.Value.Hi}" : $"{f.Key}: [{f.Value.Hi}, {f.Value.Lo}]");
                    parts.Add($"fields: {{ {string.Join(", ", fields)} }}");
                }

                if (parts.Count > 0)
                {
                    lines.Add($"  {register.Name}: {{ {string.Join(", ", parts)} }}\n");
                }
            }

            if (lines.Count > 0)
            {
                text.Append("\n# Fields the conditions and masks read; reserved bits from the sysreg file's Res0 and Res1 lines.\nregisters:\n");
                foreach (string line in lines)
                {
                    text.Append(line);
                }
            }

            if (_familyRanges.Count > 0)
            {
                text.Append("\n# Indexed families the tables use only part of, with the catalogue's whole index range.\nfamilies:\n");
                foreach (var (family, low, high) in _familyRanges)
                {
                    text.Append($"  {family}: {Number((ulong)low)}..{Number((ulong)high)}\n");
                }
            }

            if (_extraNames.Count > 0)
            {
                text.Append("\n# Catalogue names no table entry spells.\nsysregs: [").Append(string.Join(", ", _extraNames)).Append("]\n");
            }

            var named = _ruleset.FineGrainedGroups.Where(g => !NamedByEnum(g)).ToList();
            if (named.Count > 0)
            {
                text.Append("\n# Fine-grained groups whose registers enum fgt_group_id's names do not say.\nfine_grained:\n");
                foreach (var group in named)
                {
                    string read = Register(group.ReadRegister).Name, write = Register(group.WriteRegister).Name;
                    text.Append(read == write ? $"  {group.Name}: {{ both: {read} }}\n" : $"  {group.Name}: {{ read: {read}, write: {write} }}\n");
                }
            }

            return text.ToString();
        }
    }
}
