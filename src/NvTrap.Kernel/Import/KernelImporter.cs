using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NvTrap.Kernel.Diagnostics;
using NvTrap.Kernel.Overlay;
using NvTrap.Kernel.Parsing;
using NvTrap.Kernel.Preprocessing;
using NvTrap.Kernel.SysregFile;

namespace NvTrap.Kernel.Import;

/// <summary>What to import: a kernel tree, an optional overlay, -D style definitions, and how to read a file.</summary>
internal sealed record ImportRequest(string SourceDirectory, string? OverlayPath, IReadOnlyList<string> Defines, KernelFileReader ReadFile);

/// <summary>The import's result: the ruleset (null when an error stopped it) and every diagnostic.</summary>
internal sealed record ImportResult(ImportedRuleset? Ruleset, IReadOnlyList<KernelDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Reads a kernel tree's trap tables into an <see cref="ImportedRuleset"/>: the sysreg file's
/// generated macros, the headers' #defines and enums, then emulate-nested.c - its enums
/// cgt_group_id, fgt_group_id and fg_filter_id and its tables coarse_trap_bits,
/// coarse_control_combo (MCB), ccc (CCC), encoding_to_cgt, encoding_to_fgt and non_0x18_fgt. Every
/// value is computed from the kernel's own definitions; every name that does not resolve is an
/// error at the file, line and column where the table uses it.
/// </summary>
internal sealed class KernelImporter
{
    private readonly DiagnosticBag _diagnostics = new();
    private readonly Preprocessor _preprocessor;
    private readonly Dictionary<string, (CEnum Enum, int Index)> _enumerators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CValue?> _enumValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);
    private readonly ImportedRuleset _ruleset = new();
    private KernelOverlay _overlay = new();
    private SysregCatalog _sysregs = new();
    private HashSet<string>? _vcpuRegisters;
    private string _root = string.Empty;

    private KernelImporter()
    {
        _preprocessor = new Preprocessor(_diagnostics);
    }

    public static ImportResult Import(ImportRequest request)
    {
        var importer = new KernelImporter();
        var ruleset = importer.Run(request);
        return new ImportResult(importer._diagnostics.HasErrors ? null : ruleset, importer._diagnostics.Items);
    }

    private ImportedRuleset Run(ImportRequest request)
    {
        _root = request.SourceDirectory;
        if (request.OverlayPath is { } overlayPath)
        {
            if (!File.Exists(overlayPath))
            {
                _diagnostics.Error(KernelDiagnosticId.MissingFile, new SourceLocation(overlayPath, 0, 0), "The overlay file does not exist.");
                return _ruleset;
            }

            if (Read(request, overlayPath, overlayPath) is not { } overlayText)
            {
                return _ruleset;
            }

            _overlay = OverlayReader.Read(overlayPath, overlayText, _diagnostics);
            if (_diagnostics.HasErrors)
            {
                // The tree is read with the overlay's defines and translations; with the overlay
                // broken, every CCC and filter would be reported again as untranslated.
                return _ruleset;
            }
        }

        _ruleset.Name = _overlay.Ruleset ?? "linux";
        foreach (var (name, value) in _overlay.Defines)
        {
            _preprocessor.Define(name, value.Value, value.Location);
        }

        foreach (string define in request.Defines)
        {
            _preprocessor.DefineFromCommandLine(define, SourceLocation.None);
        }

        string tablesPath = Path.Combine(_root, KernelTree.Tables);
        if (!File.Exists(tablesPath))
        {
            _diagnostics.Error(KernelDiagnosticId.MissingFile, new SourceLocation(KernelTree.Tables, 0, 0), $"The kernel tree {_root} has no {KernelTree.Tables}.");
            return _ruleset;
        }

        string sysregPath = Path.Combine(_root, KernelTree.SysregFile);
        if (File.Exists(sysregPath))
        {
            if (Read(request, sysregPath, KernelTree.SysregFile) is not { } sysregText)
            {
                return _ruleset;
            }

            _sysregs = SysregFileReader.Read(KernelTree.SysregFile, sysregText, _diagnostics);
            foreach (var define in _sysregs.Defines)
            {
                _preprocessor.Define(define.Name, define.Body, define.Location);
            }
        }
        else
        {
            _diagnostics.Warning(KernelDiagnosticId.MissingFile, new SourceLocation(KernelTree.SysregFile, 0, 0), "Not in this tree: its generated macros (SYS_*, field masks) will not resolve.");
        }

        foreach (string header in KernelTree.Headers)
        {
            string path = Path.Combine(_root, header);
            if (!File.Exists(path))
            {
                _diagnostics.Warning(KernelDiagnosticId.MissingFile, new SourceLocation(header, 0, 0), "Not in this tree: names it defines will not resolve.");
                continue;
            }

            if (Read(request, path, header) is not { } headerText)
            {
                return _ruleset;
            }

            var tokens = _preprocessor.Process(header, headerText);
            AddEnums(CParser.Parse(tokens, _diagnostics, _preprocessor.Origin));
            if (_diagnostics.IsStopped)
            {
                return _ruleset;
            }
        }

        if (Read(request, tablesPath, KernelTree.Tables) is not { } tablesText)
        {
            return _ruleset;
        }

        var unitTokens = _preprocessor.Process(KernelTree.Tables, tablesText);
        var unit = CParser.Parse(unitTokens, _diagnostics, _preprocessor.Origin);
        if (_diagnostics.IsStopped)
        {
            return _ruleset;
        }

        AddEnums(unit);
        if (_enumerators.TryGetValue("HCR_EL2", out var vcpu) && vcpu.Enum.Name == "vcpu_sysreg")
        {
            _vcpuRegisters = new HashSet<string>(vcpu.Enum.Enumerators.Where(e => e.Name is not null).Select(e => e.Name!), StringComparer.Ordinal);
        }

        _ruleset.Context.AddRange(_overlay.Context.Select(c => new NamedText(c.Key, c.Value.Value, c.Value.Location)));
        _ruleset.Parameters.AddRange(_overlay.Parameters.Select(c => new NamedText(c.Key, c.Value.Value, c.Value.Location)));
        ReadGroups(unit);
        ReadFineGrainedGroups();
        ReadCoarseEntries(unit);
        ReadFineEntries(unit);
        ApplyOverlayRegisters();
        ApplyOverlayCatalogue();
        return _ruleset;
    }

    /// <summary>
    /// A file's text through the request's reader, or null after stopping the import with NVTK002
    /// (a FIFO, a device, a folder, a file over <see cref="KernelLimits.MaxFileBytes"/>, a read error).
    /// </summary>
    private string? Read(ImportRequest request, string path, string shownAs)
    {
        if (request.ReadFile(path, KernelLimits.MaxFileBytes, out string? problem) is { } text)
        {
            return text;
        }

        _diagnostics.Stop(KernelDiagnosticId.UnreadableFile, new SourceLocation(shownAs, 0, 0), $"Not read: {problem ?? "it cannot be read"}.");
        return null;
    }

    private void AddEnums(CUnit unit)
    {
        foreach (var e in unit.Enums)
        {
            for (int k = 0; k < e.Enumerators.Count; k++)
            {
                if (e.Enumerators[k].Name is { } name)
                {
                    _enumerators[name] = (e, k);
                    _enumValues.Remove(name);
                }
            }
        }
    }

    private SourceLocation At(Token token) => _preprocessor.Origin(token);

    // ---- constants -------------------------------------------------------------------------

    /// <summary>
    /// An enumerator's value: its own expression, or one more than the enumerator before it (0 for
    /// the first). The enum is walked back to the nearest enumerator already known and evaluated
    /// forward from there, caching each, so neither a long run of enumerators without values nor
    /// values written in terms of earlier ones (the kernel's <c>__before_X = __after_X - 1</c>)
    /// costs a level of recursion each: an enum may hold thousands. Only an expression naming a
    /// later enumerator, or another enum's, evaluates that one first; such chains may nest
    /// <see cref="KernelLimits.MaxNesting"/> deep (NVTK016 beyond, at the enumerator), and a cycle
    /// has no value.
    /// </summary>
    private CValue? EnumValue(string name)
    {
        if (_enumValues.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_enumerators.TryGetValue(name, out var entry))
        {
            return null;
        }

        var enumerators = entry.Enum.Enumerators;
        int start = entry.Index;
        while (start > 0 && !(enumerators[start - 1].Name is { } before && _enumValues.ContainsKey(before)))
        {
            start--;
        }

        CValue? value = null;
        for (int k = start; k <= entry.Index; k++)
        {
            var enumerator = enumerators[k];
            if (enumerator.Name is { } cached && _enumValues.TryGetValue(cached, out var already))
            {
                value = already;
                continue;
            }

            if (enumerator.Name is not { } named)
            {
                // A malformed entry (no name to define) has no value, nor have those counting on from it.
                value = null;
                continue;
            }

            if (enumerator.Value is { } tokens)
            {
                value = ExplicitEnumValue(named, tokens, enumerator.At);
            }
            else if (k == 0)
            {
                value = CValue.Int(0);
            }
            else if (k == start)
            {
                // The enumerator before has a cached value (the walk back stopped there).
                value = enumerators[k - 1].Name is { } previous && _enumValues[previous] is { } v ? v with { Bits = v.Bits + 1 } : null;
            }
            else
            {
                value = value is { } v ? v with { Bits = v.Bits + 1 } : null;
            }

            if (!_evaluating.Contains(named))
            {
                _enumValues[named] = value;
            }
        }

        return value;
    }

    private CValue? ExplicitEnumValue(string name, IReadOnlyList<Token> tokens, Token at)
    {
        if (!_evaluating.Add(name))
        {
            return null;
        }

        CValue? value;
        if (_evaluating.Count > KernelLimits.MaxNesting)
        {
            _diagnostics.Stop(KernelDiagnosticId.NestingTooDeep, At(at),
                $"Enumerator {name}'s value names an enumerator whose value names another, more than {KernelLimits.MaxNesting} deep; the import's limit keeps this evaluation off the end of the stack.");
            value = null;
        }
        else
        {
            value = ConstantExpression.Evaluate(tokens, t => EnumValue(t.Text), out _);
        }

        _evaluating.Remove(name);
        return value;
    }

    /// <summary>Evaluates table tokens; an unresolvable name is an error at the table line, naming where the name was spelled.</summary>
    private ulong? Evaluate(IReadOnlyList<Token> tokens, string what)
    {
        var value = ConstantExpression.Evaluate(tokens, t => EnumValue(t.Text), out var error);
        if (value is null && error is not null)
        {
            var at = error.At;
            string where = at.Location != At(at) ? $" (spelled at {at.Location})" : string.Empty;
            string spelling = Lexer.Quote(_preprocessor.Spelling(tokens));
            _diagnostics.Error(error.Id, At(at),
                $"{what} '{spelling}': {error.Message}{where}.");
        }

        return value?.Bits;
    }

    private ulong MacroConstant(string name, SourceLocation usedAt, ulong fallback)
    {
        if (!_preprocessor.Macros.ContainsKey(name))
        {
            return fallback;
        }

        var tokens = _preprocessor.ExpandAll(Lexer.Lex("<import>", name, -1));
        return ConstantExpression.Evaluate(tokens, t => EnumValue(t.Text), out _)?.Bits ?? fallback;
    }

    /// <summary>Packs the kernel's sys_reg() value into the 16-bit op0:op1:CRn:CRm:op2 encoding, using the kernel's own field shifts.</summary>
    private ushort Pack(ulong sysreg, SourceLocation at)
    {
        ulong Field(string name, int shiftDefault, int maskDefault) =>
            (sysreg >> (int)MacroConstant(name + "_shift", at, (ulong)shiftDefault)) & MacroConstant(name + "_mask", at, (ulong)maskDefault);
        ulong op0 = Field("Op0", 19, 3), op1 = Field("Op1", 16, 7), crn = Field("CRn", 12, 15), crm = Field("CRm", 8, 15), op2 = Field("Op2", 5, 7);
        return (ushort)((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2);
    }

    // ---- names --------------------------------------------------------------------------------

    private static string Strip(string name, string prefix) => name.StartsWith(prefix, StringComparison.Ordinal) ? name.Substring(prefix.Length) : name;

    private static string GroupName(string enumerator) => Strip(enumerator, "CGT_");

    private string? GroupNameOf(ulong id) =>
        _ruleset.Groups.FirstOrDefault(g => (ulong)g.KernelId == id)?.Name;

    /// <summary>Names an encoding as the table spells it: SYS_X and OP_X by X, SYS_Xn_ELy(i) by Xi_ELy, anything else by its generic name.</summary>
    private EncodingName NameEncoding(IReadOnlyList<Token> tokens, ushort encoding)
    {
        var spelling = _preprocessor.Spelling(tokens);
        string generic = $"S{encoding >> 14}_{(encoding >> 11) & 7}_C{(encoding >> 7) & 15}_C{(encoding >> 3) & 15}_{encoding & 7}";
        if (spelling.Count == 0 || spelling[0].Kind != TokenKind.Identifier || spelling[0].Text is "sys_reg" or "sys_insn")
        {
            return new EncodingName(encoding, generic, false);
        }

        string macro = spelling[0].Text;
        string name = Strip(Strip(macro, "SYS_"), "OP_").Replace("_OP_", "_");
        if (spelling.Count > 1)
        {
            // An indexed macro, SYS_DBGBVRn_EL1(3): the index goes where the kernel writes n.
            string index = (spelling.Count == 4 && spelling[1].Is("(") && spelling[3].Is(")") && ConstantExpression.ParseNumber(spelling[2].Text) is { } i)
                ? i.Bits.ToString(CultureInfo.InvariantCulture)
                : string.Empty;
            if (index.Length == 0)
            {
                return new EncodingName(encoding, generic, false);
            }

            string family = FamilyName(name);
            name = family.Replace("<n>", index);
            _ruleset.FamilyMembers[name] = (family, int.Parse(index, CultureInfo.InvariantCulture));
        }

        if (_ruleset.Catalogue.TryGetValue(name, out ushort existing) && existing != encoding)
        {
            return new EncodingName(encoding, generic, false);
        }

        _ruleset.Catalogue[name] = encoding;
        return new EncodingName(encoding, name, true);
    }

    /// <summary>
    /// The catalogue family an indexed macro names (without SYS_ or OP_): the index goes where the
    /// kernel writes n before _EL (DBGBVRn_EL1 is DBGBVR&lt;n&gt;_EL1), else before the last _EL
    /// (AMEVCNTR0_EL0 is AMEVCNTR0&lt;n&gt;_EL0), else at the end (TRCSEQEVR is TRCSEQEVR&lt;n&gt;).
    /// </summary>
    internal static string FamilyName(string macro)
    {
        int placeholder = macro.LastIndexOf("n_EL", StringComparison.Ordinal);
        int el = macro.LastIndexOf("_EL", StringComparison.Ordinal);
        return placeholder >= 0 ? macro.Substring(0, placeholder) + "<n>" + macro.Substring(placeholder + 1)
            : el >= 0 ? macro.Substring(0, el) + "<n>" + macro.Substring(el)
            : macro + "<n>";
    }

    // ---- coarse groups ----------------------------------------------------------------------

    private CVariable? Table(CUnit unit, string name)
    {
        var table = unit.Variables.FirstOrDefault(v => v.Name == name);
        if (table is null)
        {
            _diagnostics.Error(KernelDiagnosticId.MissingTable, new SourceLocation(KernelTree.Tables, 1, 1), $"{KernelTree.Tables} defines no {name}[] table.");
        }

        return table;
    }

    private void ReadGroups(CUnit unit)
    {
        var groupEnum = unit.Enums.FirstOrDefault(e => e.Name == "cgt_group_id");
        if (groupEnum is null)
        {
            _diagnostics.Error(KernelDiagnosticId.MissingTable, new SourceLocation(KernelTree.Tables, 1, 1), $"{KernelTree.Tables} defines no enum cgt_group_id.");
            return;
        }

        ulong combinations = EnumValue("__MULTIPLE_CONTROL_BITS__")?.Bits ?? ulong.MaxValue;
        ulong conditions = EnumValue("__COMPLEX_CONDITIONS__")?.Bits ?? ulong.MaxValue;
        foreach (var enumerator in groupEnum.Enumerators)
        {
            if (enumerator.Name is not { } name || name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            if (EnumValue(name) is not { } id)
            {
                _diagnostics.Error(KernelDiagnosticId.UnresolvedSymbol, At(enumerator.At), $"The value of {name} in enum cgt_group_id cannot be computed.");
                continue;
            }

            var kind = id.Bits >= conditions ? ImportedGroupKind.Condition : id.Bits >= combinations ? ImportedGroupKind.Combination : ImportedGroupKind.Control;
            _ruleset.Groups.Add(new ImportedGroup(GroupName(name), (int)id.Bits, kind, At(enumerator.At)));
        }

        ulong read = EnumValue("BEHAVE_FORWARD_READ")?.Bits ?? 1, write = EnumValue("BEHAVE_FORWARD_WRITE")?.Bits ?? 2;
        ulong hostEl0 = EnumValue("BEHAVE_FORWARD_IN_HOST_EL0")?.Bits ?? 0;
        string Forward(ulong behaviour) => (behaviour & (read | write)) == (read | write) ? "any" : (behaviour & read) != 0 ? "read" : (behaviour & write) != 0 ? "write" : "none";

        if (Table(unit, "coarse_trap_bits")?.Initializer is CInitializerList bits)
        {
            foreach (var item in bits.Items)
            {
                var group = DesignatedGroup(item, 0, "coarse_trap_bits");
                if (group is null || item.Value is not CInitializerList fields)
                {
                    continue;
                }

                group.Location = At(item.Tokens[0]);
                foreach (var field in fields.Items)
                {
                    if (field.Designators.Count != 1 || field.Designators[0].Member is not { } member || field.Value is not CExpression expression)
                    {
                        _diagnostics.Error(KernelDiagnosticId.BadTableEntry, At(field.Tokens[0]), $"Expected .index, .value, .mask and .behaviour in the entry of {group.Name}.");
                        continue;
                    }

                    switch (member)
                    {
                        case "index":
                            group.Register = RegisterName(expression);
                            break;
                        case "value":
                        case "mask":
                            if (Evaluate(expression.Tokens, $".{member} of {group.Name}") is { } v)
                            {
                                var named = new BitsValue(v, FieldNames(expression.Tokens));
                                if (member == "mask")
                                {
                                    group.Mask = named;
                                }
                                else
                                {
                                    group.Value = named;
                                }
                            }

                            break;
                        case "behaviour":
                            if (Evaluate(expression.Tokens, $".behaviour of {group.Name}") is { } b)
                            {
                                group.Forward = Forward(b);
                                group.InHostEl0 = hostEl0 != 0 && (b & hostEl0) != 0;
                            }

                            break;
                    }
                }

                if (group.Register is { } register)
                {
                    NameFields(group, register);
                }
            }
        }

        if (Table(unit, "coarse_control_combo")?.Initializer is CInitializerList combos)
        {
            foreach (var item in combos.Items)
            {
                var group = DesignatedGroup(item, combinations, "coarse_control_combo");
                if (group is null)
                {
                    continue;
                }

                group.Location = At(item.Tokens[0]);
                var members = item.Value is CExpression e ? CParser.CompoundLiteral(e.Tokens, _diagnostics, At) : null;
                if (members is null)
                {
                    _diagnostics.Error(KernelDiagnosticId.BadTableEntry, At(item.Tokens[0]), $"The members of combination {group.Name} are not a compound literal of group ids.");
                    continue;
                }

                foreach (var member in members.Items)
                {
                    if (member.Value is CExpression m && Evaluate(m.Tokens, $"A member of {group.Name}") is { } id)
                    {
                        if (id == 0)
                        {
                            break;
                        }

                        if (GroupNameOf(id) is { } memberName)
                        {
                            group.Members.Add(memberName);
                        }
                        else
                        {
                            _diagnostics.Error(KernelDiagnosticId.UnknownGroup, At(member.Tokens[0]), $"Member {id} of {group.Name} is no group of enum cgt_group_id.");
                        }
                    }
                }
            }
        }

        if (Table(unit, "ccc")?.Initializer is CInitializerList checks)
        {
            foreach (var item in checks.Items)
            {
                var group = DesignatedGroup(item, conditions, "ccc");
                if (group is null || item.Value is not CExpression fn)
                {
                    continue;
                }

                group.Location = At(item.Tokens[0]);
                var spelling = _preprocessor.Spelling(fn.Tokens);
                string function = spelling.Count == 1 ? spelling[0].Text : Lexer.Spell(spelling);
                group.Function = function;
                if (_overlay.Conditions.TryGetValue(function, out var condition))
                {
                    group.When = condition.When;
                    group.WhenLocation = condition.Location;
                    group.Forward = condition.Forward;
                    group.InHostEl0 = condition.InHostEl0;
                    group.Register = condition.Register;
                }
                else
                {
                    _diagnostics.Error(KernelDiagnosticId.MissingCondition, At(item.Tokens[0]),
                        $"Condition {group.Name} calls {function}(), which the overlay does not translate: add 'conditions: {{ {function}: {{ forward: ..., when: \"...\" }} }}' to the overlay{(_overlay.Path.Length > 0 ? $" {_overlay.Path}" : string.Empty)}.");
                }
            }
        }

        foreach (var function in _overlay.Conditions.Values.Where(c => _ruleset.Groups.All(g => g.Function != c.Function)))
        {
            _diagnostics.Warning(KernelDiagnosticId.UnusedOverlayEntry, function.Location, $"No CCC entry of the kernel calls {function.Function}(); this overlay entry is not used.");
        }
    }

    private ImportedGroup? DesignatedGroup(CInitializerItem item, ulong offset, string table)
    {
        if (item.Designators.Count != 1 || item.Designators[0].Index is not { } index)
        {
            _diagnostics.Error(KernelDiagnosticId.BadTableEntry, At(item.Tokens[0]), $"An entry of {table}[] must be designated by its group id: [CGT_...] = ...");
            return null;
        }

        if (Evaluate(index, $"The index of a {table} entry") is not { } id)
        {
            return null;
        }

        var group = _ruleset.Groups.FirstOrDefault(g => (ulong)g.KernelId == id + offset);
        if (group is null)
        {
            _diagnostics.Error(KernelDiagnosticId.UnknownGroup, At(item.Tokens[0]), $"The entry of {table}[] at index {id} is no group of enum cgt_group_id.");
        }

        return group;
    }

    private string? RegisterName(CExpression expression)
    {
        var spelling = _preprocessor.Spelling(expression.Tokens);
        if (spelling.Count != 1 || spelling[0].Kind != TokenKind.Identifier)
        {
            _diagnostics.Error(KernelDiagnosticId.UnknownRegister, At(expression.First), $"'.index = {Lexer.Quote(spelling)}' is not a register name.");
            return null;
        }

        string name = spelling[0].Text;
        bool known = _vcpuRegisters?.Contains(name) ?? _preprocessor.Macros.ContainsKey("SYS_" + name);
        if (!known)
        {
            _diagnostics.Error(KernelDiagnosticId.UnknownRegister, At(expression.First),
                _vcpuRegisters is null ? $"Register {name} is not defined: no SYS_{name} in the files read (and kvm_host.h's enum vcpu_sysreg is not there)." : $"Register {name} is not in enum vcpu_sysreg.");
            return null;
        }

        var register = _ruleset.Register(name, At(expression.First));
        if (register.Encoding is null && _preprocessor.Macros.ContainsKey("SYS_" + name))
        {
            var tokens = _preprocessor.ExpandAll(Lexer.Lex("<import>", "SYS_" + name, -1));
            if (ConstantExpression.Evaluate(tokens, t => EnumValue(t.Text), out _) is { } value)
            {
                register.Encoding = Pack(value.Bits, register.Location);
            }
        }

        return name;
    }

    /// <summary>The macro names a mask is an OR of, when it is written that way.</summary>
    private List<string>? FieldNames(IReadOnlyList<Token> tokens)
    {
        var spelling = _preprocessor.Spelling(tokens);
        var names = new List<string>();
        for (int k = 0; k < spelling.Count; k++)
        {
            if (k % 2 == 0 ? spelling[k].Kind != TokenKind.Identifier : !spelling[k].Is("|"))
            {
                return null;
            }

            if (k % 2 == 0)
            {
                names.Add(spelling[k].Text);
            }
        }

        return names.Count > 0 && spelling.Count % 2 == 1 ? names : null;
    }

    /// <summary>Turns the macro names of a control's mask and value into field names of its register (HCR_TVM -> TVM), and records the fields.</summary>
    private void NameFields(ImportedGroup group, string registerName)
    {
        var register = _ruleset.Registers[registerName];
        string bare = registerName.EndsWith("_EL2", StringComparison.Ordinal) ? registerName.Substring(0, registerName.Length - 4) : registerName;
        string[] prefixes = { registerName + "_", bare + "_", bare };
        BitsValue? Rename(BitsValue? value)
        {
            if (value?.Fields is not { } macros)
            {
                return value;
            }

            var fields = new List<string>();
            foreach (string macro in macros)
            {
                string? prefix = prefixes.FirstOrDefault(p => macro.StartsWith(p, StringComparison.Ordinal) && macro.Length > p.Length);
                var tokens = _preprocessor.ExpandAll(Lexer.Lex("<import>", macro, -1));
                ulong? bits = ConstantExpression.Evaluate(tokens, t => EnumValue(t.Text), out _)?.Bits;
                if (prefix is null || bits is not { } b || b == 0 || !IsContiguous(b))
                {
                    return value with { Fields = null };
                }

                string field = macro.Substring(prefix.Length).TrimStart('_');
                int lo = System.Numerics.BitOperations.TrailingZeroCount(b);
                int hi = 63 - System.Numerics.BitOperations.LeadingZeroCount(b);
                register.Fields[field] = (hi, lo);
                fields.Add(field);
            }

            return value with { Fields = fields };
        }

        group.Mask = Rename(group.Mask);
        group.Value = Rename(group.Value);
    }

    private static bool IsContiguous(ulong bits)
    {
        ulong shifted = bits >> System.Numerics.BitOperations.TrailingZeroCount(bits);
        return (shifted & (shifted + 1)) == 0;
    }

    // ---- fine-grained groups -----------------------------------------------------------------

    private void ReadFineGrainedGroups()
    {
        var fgt = _enumerators.Values.Select(v => v.Enum).FirstOrDefault(e => e.Name == "fgt_group_id");
        if (fgt is null)
        {
            return;
        }

        // XGWTR_GROUP = XGRTR_GROUP: one group whose reads test XGRTR_EL2 and writes XGWTR_EL2.
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in fgt.Enumerators)
        {
            // Only the kernel's shape, X_GROUP = Y_GROUP, names a write register.
            if (e.Name is { } alias && alias.EndsWith("_GROUP", StringComparison.Ordinal) && e.Value is { Count: 1 } v && v[0].Kind == TokenKind.Identifier)
            {
                aliases[v[0].Text] = alias;
            }
        }

        foreach (var e in fgt.Enumerators)
        {
            if (e.Name is not { } name || name.StartsWith("__", StringComparison.Ordinal) || e.Value is { Count: 1 } || !name.EndsWith("_GROUP", StringComparison.Ordinal))
            {
                continue;
            }

            string group = name.Substring(0, name.Length - "_GROUP".Length);
            int id = (int)(EnumValue(name)?.Bits ?? 0);
            string read, write;
            if (_overlay.FineGrained.TryGetValue(group, out var given))
            {
                read = given.Read;
                write = given.Write;
            }
            else
            {
                read = group + "_EL2";
                write = aliases.TryGetValue(name, out var alias) ? alias.Substring(0, alias.Length - "_GROUP".Length) + "_EL2" : read;
                if (!_sysregs.Blocks.ContainsKey(read) || !_sysregs.Blocks.ContainsKey(write))
                {
                    _diagnostics.Error(KernelDiagnosticId.UnknownRegister, At(e.At),
                        $"Fine-grained group {name}: no register {read}{(write != read ? $" / {write}" : string.Empty)} in the sysreg file; name its registers in the overlay's fine_grained: {{ {group}: {{ read: ..., write: ... }} }}.");
                    continue;
                }
            }

            _ruleset.FineGroups.Add(new ImportedFineGroup(group, id, read, write, At(e.At)));
            foreach (string register in new[] { read, write }.Distinct())
            {
                var imported = _ruleset.Register(register, At(e.At));
                if (_sysregs.Blocks.TryGetValue(register, out var block))
                {
                    imported.Location = block.Location;
                    if (block.Encoding is { } enc)
                    {
                        imported.Encoding = (ushort)((enc.Op0 << 14) | (enc.Op1 << 11) | (enc.CRn << 7) | (enc.CRm << 3) | enc.Op2);
                    }

                    foreach (var field in _sysregs.FieldsOf(block))
                    {
                        imported.Fields[field.Name] = (field.Hi, field.Lo);
                    }
                }
            }
        }

        var filters = _enumerators.Values.Select(v => v.Enum).FirstOrDefault(e => e.Name == "fg_filter_id");
        foreach (var e in filters?.Enumerators ?? (IReadOnlyList<CEnumerator>)Array.Empty<CEnumerator>())
        {
            if (e.Name is not { } name || name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            if (_overlay.Filters.TryGetValue(name, out var expression))
            {
                _ruleset.Filters.Add(new NamedText(name, expression.Value, At(e.At)));
            }
            else
            {
                _diagnostics.Error(KernelDiagnosticId.MissingCondition, At(e.At), $"Filter {name} of enum fg_filter_id has no overlay entry: add 'filters: {{ {name}: \"<expression>\" }}'.");
            }
        }
    }

    // ---- coarse and fine-grained entries -----------------------------------------------------

    private Dictionary<string, CInitializer> Members(CInitializerItem item, string table)
    {
        if (item.Value is not CInitializerList list)
        {
            _diagnostics.Error(KernelDiagnosticId.BadTableEntry, At(item.Tokens[0]), $"An entry of {table}[] must be a braced initializer.");
            return new Dictionary<string, CInitializer>(StringComparer.Ordinal);
        }

        return DesignatedMembers(list);
    }

    /// <summary>
    /// A braced list's <c>.member = value</c> items by member. A member given twice takes its last
    /// value, as C's initializers do (the kernel's macros override defaults this way).
    /// </summary>
    private static Dictionary<string, CInitializer> DesignatedMembers(CInitializerList list)
    {
        var members = new Dictionary<string, CInitializer>(StringComparer.Ordinal);
        foreach (var field in list.Items)
        {
            if (field.Designators.Count == 1 && field.Designators[0].Member is { } member)
            {
                members[member] = field.Value;
            }
        }

        return members;
    }

    private (EncodingName First, EncodingName Last)? Encodings(Dictionary<string, CInitializer> members, CInitializerItem item, string table)
    {
        if (members.GetValueOrDefault("encoding") is not CExpression start || members.GetValueOrDefault("end") is not CExpression end)
        {
            _diagnostics.Error(KernelDiagnosticId.BadTableEntry, At(item.Tokens[0]), $"An entry of {table}[] needs .encoding and .end.");
            return null;
        }

        if (Evaluate(start.Tokens, "The encoding") is not { } first || Evaluate(end.Tokens, "The end of the range") is not { } last)
        {
            return null;
        }

        var location = At(item.Tokens[0]);
        ushort a = Pack(first, location), b = Pack(last, location);
        var firstName = NameEncoding(start.Tokens, a);
        var lastName = a == b ? firstName : NameEncoding(end.Tokens, b);
        return (firstName, lastName);
    }

    private void ReadCoarseEntries(CUnit unit)
    {
        if (Table(unit, "encoding_to_cgt")?.Initializer is not CInitializerList entries)
        {
            return;
        }

        foreach (var item in entries.Items)
        {
            var members = Members(item, "encoding_to_cgt");
            if (Encodings(members, item, "encoding_to_cgt") is not { } range)
            {
                continue;
            }

            if (members.GetValueOrDefault("tc") is not CInitializerList tc
                || tc.Items.FirstOrDefault(i => i.Designators.FirstOrDefault()?.Member == "cgt")?.Value is not CExpression cgt
                || Evaluate(cgt.Tokens, "The group") is not { } id)
            {
                _diagnostics.Error(KernelDiagnosticId.BadTableEntry, At(item.Tokens[0]), "An entry of encoding_to_cgt[] needs .tc = { .cgt = <group> }.");
                continue;
            }

            if (GroupNameOf(id) is not { } group)
            {
                _diagnostics.Error(KernelDiagnosticId.UnknownGroup, At(item.Tokens[0]), $"Group {id} is no group of enum cgt_group_id.");
                continue;
            }

            _ruleset.CoarseEntries.Add(new ImportedCoarseEntry(range.First, range.Last, group, At(item.Tokens[0])));
        }
    }

    private ImportedFineEntry? FineTrap(CInitializer tc, CInitializerItem item, EncodingName? first, EncodingName? last)
    {
        var fields = tc is CInitializerList list ? DesignatedMembers(list) : new Dictionary<string, CInitializer>();
        ulong? Field(string name) => fields.GetValueOrDefault(name) is CExpression e ? Evaluate(e.Tokens, $".{name}") : 0;
        if (Field("fgt") is not { } fgt || Field("bit") is not { } bit || Field("pol") is not { } pol || Field("fgf") is not { } fgf)
        {
            return null;
        }

        var group = _ruleset.FineGroups.FirstOrDefault(g => (ulong)g.KernelId == fgt);
        if (group is null)
        {
            _diagnostics.Error(KernelDiagnosticId.UnknownGroup, At(item.Tokens[0]), $"Fine-grained group {fgt} is no group of enum fgt_group_id with known registers.");
            return null;
        }

        string? filter = null;
        if (fgf != 0)
        {
            var filterEnum = _enumerators.Values.Select(v => v.Enum).FirstOrDefault(e => e.Name == "fg_filter_id");
            filter = filterEnum?.Enumerators.FirstOrDefault(e => e.Name is not null && EnumValue(e.Name)?.Bits == fgf)?.Name;
        }

        string? bitName = null;
        foreach (string register in new[] { group.Read, group.Write })
        {
            if (_sysregs.Blocks.TryGetValue(register, out var block))
            {
                bitName ??= _sysregs.FieldsOf(block).FirstOrDefault(f => f.Hi == (int)bit && f.Lo == (int)bit)?.Name;
            }
        }

        if (bitName is null)
        {
            _diagnostics.Warning(KernelDiagnosticId.UnnamedBit, At(item.Tokens[0]), $"Bit {bit} of {group.Read} has no one-bit field in the sysreg file; the entry names it {group.Name}[{bit}].");
        }

        return new ImportedFineEntry(first, last, group.Name, (int)bit, bitName ?? $"[{bit}]", pol != 0, filter, At(item.Tokens[0]));
    }

    private void ReadFineEntries(CUnit unit)
    {
        if (unit.Variables.FirstOrDefault(v => v.Name == "encoding_to_fgt")?.Initializer is CInitializerList entries)
        {
            foreach (var item in entries.Items)
            {
                var members = Members(item, "encoding_to_fgt");
                if (Encodings(members, item, "encoding_to_fgt") is not { } range || members.GetValueOrDefault("tc") is not { } tc)
                {
                    continue;
                }

                if (FineTrap(tc, item, range.First, range.Last) is { } entry)
                {
                    _ruleset.FineEntries.Add(entry);
                }
            }
        }

        if (unit.Variables.FirstOrDefault(v => v.Name == "non_0x18_fgt")?.Initializer is CInitializerList others)
        {
            foreach (var item in others.Items)
            {
                if (FineTrap(item.Value, item, null, null) is { } entry)
                {
                    _ruleset.NonSysregFineEntries.Add(entry);
                }
            }
        }
    }

    // ---- registers from the overlay --------------------------------------------------------

    private void ApplyOverlayRegisters()
    {
        foreach (var given in _overlay.Registers.Values)
        {
            var register = _ruleset.Register(given.Name, given.Location);
            foreach (var (field, bits) in given.Fields)
            {
                register.Fields[field] = bits;
            }

            if (register.Encoding is null && _sysregs.Blocks.TryGetValue(given.Name, out var b) && b.Encoding is { } enc)
            {
                register.Encoding = (ushort)((enc.Op0 << 14) | (enc.Op1 << 11) | (enc.CRn << 7) | (enc.CRm << 3) | enc.Op2);
            }
            else if (register.Encoding is null && _preprocessor.Macros.ContainsKey("SYS_" + given.Name)
                && ConstantExpression.Evaluate(_preprocessor.ExpandAll(Lexer.Lex("<import>", "SYS_" + given.Name, -1)), t => EnumValue(t.Text), out _) is { } value)
            {
                // A register only the overlay names (read by a condition) takes its encoding from its SYS_ macro.
                register.Encoding = Pack(value.Bits, given.Location);
            }

            register.Res0 = Reserved(given, given.Res0, res0: true);
            register.Res1 = Reserved(given, given.Res1, res0: false);
            register.Sanitised = given.Res0 is not null || given.Res1 is not null;
        }
    }

    // ---- the catalogue beyond the tables ----------------------------------------------------

    /// <summary>
    /// Names the overlay asks for although no table entry uses them, from the tree's SYS_ or OP_
    /// macros, and the architecture's index range of families the tables use only part of: the
    /// checks that measure the traps against the catalogue need both to see what the tables leave out.
    /// </summary>
    private void ApplyOverlayCatalogue()
    {
        foreach (var given in _overlay.SysRegs)
        {
            if (_ruleset.Catalogue.ContainsKey(given.Value))
            {
                continue;
            }

            string? macro = new[] { "SYS_" + given.Value, "OP_" + given.Value }.FirstOrDefault(_preprocessor.Macros.ContainsKey);
            if (macro is null)
            {
                _diagnostics.Error(KernelDiagnosticId.UnresolvedSymbol, given.Location, $"sysregs names {given.Value}, but the tree defines neither SYS_{given.Value} nor OP_{given.Value}.");
                continue;
            }

            var value = ConstantExpression.Evaluate(_preprocessor.ExpandAll(Lexer.Lex("<import>", macro, -1)), t => EnumValue(t.Text), out var error);
            if (value is null)
            {
                _diagnostics.Error(error?.Id ?? KernelDiagnosticId.BadExpression, given.Location,
                    $"sysregs names {given.Value}, whose {macro} is not a constant: {error?.Message ?? "no value"}.");
                continue;
            }

            _ruleset.Catalogue[given.Value] = Pack(value.Value.Bits, given.Location);
        }

        foreach (var (family, given) in _overlay.Families)
        {
            var points = _ruleset.FamilyMembers
                .Where(m => m.Value.Family == family && _ruleset.Catalogue.ContainsKey(m.Key))
                .Select(m => (m.Value.Index, Encoding: _ruleset.Catalogue[m.Key]))
                .OrderBy(p => p.Index)
                .ToList();
            var shapes = points.Count == 0 ? null : CatalogueFamilies.FitShapes(points);
            if (shapes is null)
            {
                _diagnostics.Warning(KernelDiagnosticId.UnusedOverlayEntry, given.Location,
                    $"Family {family} is not an indexed macro the tables use as a family (at least two members, every index between the lowest and the highest); its range is ignored.");
                continue;
            }

            var (low, high) = given.Value;
            if (low > points[0].Index || high < points[points.Count - 1].Index)
            {
                int outside = low > points[0].Index ? points[0].Index : points[points.Count - 1].Index;
                _diagnostics.Error(KernelDiagnosticId.OverlaySyntax, given.Location, $"Family {family}: {low}..{high} leaves out index {outside}, which the tables use.");
                continue;
            }

            if (Enumerable.Range(low, high - low + 1).FirstOrDefault(n => CatalogueFamilies.EncodingAt(shapes, n) is null, -1) is int overflow and >= 0)
            {
                _diagnostics.Error(KernelDiagnosticId.OverlaySyntax, given.Location,
                    $"Family {family}: index {overflow} gives an encoding field out of range ({string.Join(", ", shapes.Select(f => f.Text))}); narrow the range.");
                continue;
            }

            _ruleset.FamilyRanges[family] = given.Value;
        }
    }

    /// <summary><c>sysreg</c> takes the sysreg file's Res0/Res1 bits; anything else is a C expression evaluated in the kernel's headers.</summary>
    private ulong Reserved(OverlayRegister given, string? source, bool res0)
    {
        if (source is null)
        {
            return 0;
        }

        if (source == "sysreg")
        {
            if (!_sysregs.Blocks.TryGetValue(given.Name, out var block))
            {
                _diagnostics.Error(KernelDiagnosticId.UnknownRegister, given.Location, $"The sysreg file has no register {given.Name} to take reserved bits from.");
                return 0;
            }

            var (r0, r1) = _sysregs.ReservedOf(block);
            return res0 ? r0 : r1;
        }

        var tokens = _preprocessor.ExpandAll(Lexer.Lex(given.Location.Path, source, -1).Select(t => new Token(t.Kind, t.Text, given.Location, false, t.LeadingSpace, -1, -1)).ToList());
        var value = ConstantExpression.Evaluate(tokens, t => EnumValue(t.Text), out var error);
        if (value is null)
        {
            _diagnostics.Error(error?.Id ?? KernelDiagnosticId.BadExpression, given.Location,
                $"{(res0 ? "res0" : "res1")} of {given.Name}, '{source}': {error?.Message ?? "not a constant"} (spelled at {error?.At.Location}).");
            return 0;
        }

        return value.Value.Bits;
    }
}
