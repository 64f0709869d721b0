using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Evaluation;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

/// <summary>
/// Gathers the files of one ruleset into a <see cref="BoundRuleset"/>: numbers registers and
/// groups, resolves every name (registers, fields, groups, fine-grained groups, catalogue
/// entries), expands catalogue families and reports what does not resolve. Files are visited in
/// ordinal path order so numbering never depends on the order the build hands them over.
/// </summary>
internal sealed class Binder
{
    private readonly BoundRuleset _ruleset;
    private readonly List<RuleFileSyntax> _files;
    private readonly List<RuleDiagnostic> _diagnostics;
    private readonly Dictionary<string, CatalogueEntry> _catalogue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceSpan> _groupNames = new(StringComparer.Ordinal);

    private Binder(string name, IEnumerable<RuleFileSyntax> files, List<RuleDiagnostic> diagnostics)
    {
        _ruleset = new BoundRuleset(name);
        _files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        _diagnostics = diagnostics;
        _ruleset.Files.AddRange(_files.Select(f => f.Path));
    }

    public static BoundRuleset Bind(string name, IEnumerable<RuleFileSyntax> files, List<RuleDiagnostic> diagnostics)
    {
        var binder = new Binder(name, files, diagnostics);
        binder.BindRegisters();
        binder.BindCatalogue();
        binder.BindGroups();
        binder.BindFineGrainedGroups();
        binder.BindTraps();
        binder.BindFineGrainedTraps();
        return binder._ruleset;
    }

    // ---- registers -------------------------------------------------------------------------

    private void BindRegisters()
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var syntax in _files.SelectMany(f => f.Registers))
        {
            if (!Define(seen, syntax.Name, "Register"))
            {
                continue;
            }

            var fields = new Dictionary<string, (int Hi, int Lo)>(StringComparer.Ordinal);
            foreach (var field in syntax.Fields)
            {
                fields[field.Name.Text] = (field.Hi, field.Lo);
            }

            ushort? encoding = syntax.Encoding is { IsName: false } literal ? Pack(literal) : null;
            _ruleset.AddRegister(new BoundRegister(_ruleset.Registers.Count, syntax.Name.Text, encoding, fields, syntax.Res0?.Value ?? 0, syntax.Name.Span));
        }
    }

    // ---- catalogue -------------------------------------------------------------------------

    private void BindCatalogue()
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var aliases = new List<(NameSyntax Name, EncodingSyntax Target)>();
        foreach (var syntax in _files.SelectMany(f => f.SysRegs))
        {
            if (syntax.Family is { } family)
            {
                BindFamily(syntax.Name, family, seen);
                continue;
            }

            if (!Define(seen, syntax.Name, "System register"))
            {
                continue;
            }

            if (syntax.Encoding!.IsName)
            {
                aliases.Add((syntax.Name, syntax.Encoding));
                continue;
            }

            AddCatalogueEntry(syntax.Name.Text, Pack(syntax.Encoding), syntax.Name.Span);
        }

        // A catalogue entry may name another entry (an alias); resolve those once all literal
        // entries are known.
        foreach (var (name, target) in aliases)
        {
            if (_catalogue.TryGetValue(target.CatalogueName!.Text, out var entry))
            {
                AddCatalogueEntry(name.Text, entry.Encoding, name.Span);
            }
            else
            {
                ReportUnknownSysReg(target.CatalogueName);
            }
        }
    }

    private void BindFamily(NameSyntax name, FamilySyntax family, Dictionary<string, SourceSpan> seen)
    {
        var fields = new List<BoundExpr>();
        foreach (var text in family.Fields)
        {
            var bound = ExpressionBinder.BindFamilyField(text.Tree!, family.Variable, _diagnostics);
            if (bound is null)
            {
                return;
            }

            fields.Add(bound);
        }

        for (ulong index = family.From.Value; index <= family.To.Value; index++)
        {
            var values = new ulong[5];
            for (int f = 0; f < 5; f++)
            {
                values[f] = ExpressionEvaluator.Evaluate(fields[f], _ => 0, 0, index);
                var (fieldName, max) = RuleFileParser.EncodingFields[f];
                if (values[f] > (ulong)max)
                {
                    _diagnostics.Add(Descriptors.EncodingFieldOutOfRange.Create(family.Fields[f].Span,
                        $"Family '{name.Text}' gives {fieldName} = {values[f]} for {family.Variable} = {index}; it must be 0..{max}. Fix the expression or the index range."));
                    return;
                }
            }

            string instance = family.Prefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + family.Suffix;
            if (Define(seen, new NameSyntax(instance, name.Span), "System register"))
            {
                AddCatalogueEntry(instance, EncodingMath.Pack(values[0], values[1], values[2], values[3], values[4]), name.Span);
            }
        }
    }

    private void AddCatalogueEntry(string name, ushort encoding, SourceSpan span)
    {
        var entry = new CatalogueEntry(name, encoding, span);
        _catalogue[name] = entry;
        _ruleset.Catalogue.Add(entry);
    }

    // ---- groups ----------------------------------------------------------------------------

    private void BindGroups()
    {
        // Ids follow the kernel's order: every control, then every combination, then every
        // condition, so the kind can be read from the id range as well as from the table.
        var controls = _files.SelectMany(f => f.Controls).Where(c => DefineGroup(c.Name)).ToList();
        var combinations = _files.SelectMany(f => f.Combinations).Where(c => DefineGroup(c.Name)).ToList();
        var conditions = _files.SelectMany(f => f.Conditions).Where(c => DefineGroup(c.Name)).ToList();

        foreach (var control in controls)
        {
            _ruleset.AddGroup(new BoundGroup(_ruleset.Groups.Count + 1, control.Name.Text, GroupKind.Control, control.Name.Span));
        }

        foreach (var combination in combinations)
        {
            _ruleset.AddGroup(new BoundGroup(_ruleset.Groups.Count + 1, combination.Name.Text, GroupKind.Combination, combination.Name.Span));
        }

        foreach (var condition in conditions)
        {
            _ruleset.AddGroup(new BoundGroup(_ruleset.Groups.Count + 1, condition.Name.Text, GroupKind.Condition, condition.Name.Span));
        }

        foreach (var control in controls)
        {
            BindControl(control, _ruleset.FindGroup(control.Name.Text)!);
        }

        foreach (var combination in combinations)
        {
            BindCombination(combination, _ruleset.FindGroup(combination.Name.Text)!);
        }

        foreach (var condition in conditions)
        {
            BindCondition(condition, _ruleset.FindGroup(condition.Name.Text)!);
        }
    }

    private bool DefineGroup(NameSyntax name) => Define(_groupNames, name, "Group");

    private void BindControl(ControlSyntax syntax, BoundGroup group)
    {
        group.Behaviour = (TrapBehaviourKind)(int)(syntax.Forward ?? BehaviourSyntax.Any);
        if (syntax.Register is null)
        {
            return;
        }

        var register = ResolveRegister(syntax.Register);
        if (register is null)
        {
            return;
        }

        group.Register = register.Index;
        ulong? mask = syntax.Mask is null ? null : ResolveBits(syntax.Mask, register);
        ulong? value = syntax.Value is null ? null : ResolveBits(syntax.Value, register);
        if (mask is null || value is null)
        {
            return;
        }

        group.Mask = mask.Value;
        group.Value = value.Value;
        if (mask.Value == 0)
        {
            _diagnostics.Add(Descriptors.EmptyMask.Create(syntax.Mask!.Span,
                $"Control '{syntax.Name.Text}' has an empty mask, so it would match every value of {register.Name}; name the bits it tests."));
        }
        else if ((value.Value & ~mask.Value) != 0)
        {
            _diagnostics.Add(Descriptors.ValueOutsideMask.Create(syntax.Value!.Span,
                $"Control '{syntax.Name.Text}' has value {Hex(value.Value)} with bits {Hex(value.Value & ~mask.Value)} outside its mask {Hex(mask.Value)}, so it can never match; add those bits to the mask or drop them from the value."));
        }
    }

    private ulong? ResolveBits(BitsSyntax bits, BoundRegister register)
    {
        if (bits.Literal is not null)
        {
            return bits.Literal.Value;
        }

        ulong result = 0;
        bool ok = true;
        foreach (var name in bits.Fields)
        {
            if (register.Fields.TryGetValue(name.Text, out var field))
            {
                result |= RuleFileParser.MaskOf(field.Hi, field.Lo);
            }
            else
            {
                _diagnostics.Add(Descriptors.UnknownField.Create(name.Span,
                    $"Register '{register.Name}' has no field '{name.Text}'.{Suggestions.DidYouMean(name.Text, register.Fields.Keys)} Add it under '{register.Name}: fields' or use an integer mask."));
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private void BindCombination(CombinationSyntax syntax, BoundGroup group)
    {
        if (syntax.Members.Count == 0)
        {
            _diagnostics.Add(Descriptors.EmptyCombination.Create(syntax.Name.Span,
                $"Combination '{syntax.Name.Text}' has no members, so it can never forward; list the groups it combines."));
            return;
        }

        foreach (var member in syntax.Members)
        {
            var target = _ruleset.FindGroup(member.Text);
            if (target is null)
            {
                _diagnostics.Add(Descriptors.MissingMember.Create(member.Span,
                    $"Combination '{syntax.Name.Text}' names member '{member.Text}', which is not a defined group.{Suggestions.DidYouMean(member.Text, _ruleset.Groups.Select(g => g.Name))} Define it under 'controls' or 'conditions'."));
                continue;
            }

            group.Members.Add(target.Id);
            group.MemberSpans.Add(member.Span);
        }
    }

    private void BindCondition(ConditionSyntax syntax, BoundGroup group)
    {
        group.Behaviour = (TrapBehaviourKind)(int)(syntax.Forward ?? BehaviourSyntax.Any);
        if (syntax.CSharpMethod is not null)
        {
            group.CSharpMethod = syntax.CSharpMethod.Text;
            group.CSharpSpan = syntax.CSharpMethod.Span;
            return;
        }

        if (syntax.When?.Tree is { } tree)
        {
            group.WhenText = syntax.When.Text;
            group.When = ExpressionBinder.BindCondition(tree, _ruleset, _diagnostics);
        }
    }

    // ---- fine-grained groups -----------------------------------------------------------------

    private void BindFineGrainedGroups()
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var syntax in _files.SelectMany(f => f.FineGrainedGroups))
        {
            if (!Define(seen, syntax.Name, "Fine-grained group"))
            {
                continue;
            }

            var read = ResolveRegister(syntax.Read!);
            var write = syntax.Write == syntax.Read ? read : ResolveRegister(syntax.Write!);
            if (read is null || write is null)
            {
                continue;
            }

            _ruleset.FineGrainedGroups.Add(new BoundFineGrainedGroup(_ruleset.FineGrainedGroups.Count + 1, syntax.Name.Text, read.Index, write.Index, syntax.Name.Span));
        }
    }

    // ---- traps -------------------------------------------------------------------------------

    private void BindTraps()
    {
        foreach (var trap in _files.SelectMany(f => f.Traps))
        {
            BoundGroup? group = null;
            if (trap.Group is not null)
            {
                group = _ruleset.FindGroup(trap.Group.Text);
                if (group is null)
                {
                    _diagnostics.Add(Descriptors.UnknownGroup.Create(trap.Group.Span,
                        $"Trap names group '{trap.Group.Text}', which is not defined.{Suggestions.DidYouMean(trap.Group.Text, _ruleset.Groups.Select(g => g.Name))} Define it under 'controls', 'combinations' or 'conditions'."));
                }
                else
                {
                    _ruleset.TrappedGroups.Add(group.Id);
                }
            }

            foreach (var (first, last, isRange, span) in ResolveTargets(trap.Encodings, trap.Range))
            {
                if (group is not null)
                {
                    _ruleset.CoarseEntries.Add(new CoarseEntry(first, last, group.Id, isRange, span));
                }
            }
        }
    }

    private void BindFineGrainedTraps()
    {
        foreach (var trap in _files.SelectMany(f => f.FineGrainedTraps))
        {
            var bit = trap.Bit is null ? null : ResolveFineGrainedBit(trap.Bit);
            var targets = ResolveTargets(trap.Encodings, trap.Range);
            if (bit is null || trap.TrapWhen is null)
            {
                continue;
            }

            foreach (var (first, last, isRange, span) in targets)
            {
                _ruleset.FineGrainedEntries.Add(new FineGrainedEntry(first, last, bit.Value.Group.Id, bit.Value.Bit, trap.TrapWhen == PolaritySyntax.Set, bit.Value.Name, isRange, span));
            }
        }
    }

    private (BoundFineGrainedGroup Group, int Bit, string Name)? ResolveFineGrainedBit(FineGrainedBitSyntax syntax)
    {
        var group = _ruleset.FineGrainedGroups.Find(g => g.Name == syntax.Group.Text);
        if (group is null)
        {
            _diagnostics.Add(Descriptors.UnknownFineGrainedGroup.Create(syntax.Group.Span,
                $"'{syntax.Group.Text}' is not a fine-grained group.{Suggestions.DidYouMean(syntax.Group.Text, _ruleset.FineGrainedGroups.Select(g => g.Name))} Define it under 'fine_grained'."));
            return null;
        }

        var read = _ruleset.Registers[group.ReadRegister];
        var write = _ruleset.Registers[group.WriteRegister];
        int bit;
        string name;
        if (syntax.Field is not null)
        {
            if (!read.Fields.TryGetValue(syntax.Field.Text, out var field) && !write.Fields.TryGetValue(syntax.Field.Text, out field))
            {
                var candidates = read.Fields.Keys.Concat(write.Fields.Keys).Distinct();
                _diagnostics.Add(Descriptors.UnknownField.Create(syntax.Field.Span,
                    $"Fine-grained group '{group.Name}' has no bit named '{syntax.Field.Text}' in {read.Name}{(read == write ? string.Empty : " or " + write.Name)}.{Suggestions.DidYouMean(syntax.Field.Text, candidates)} Add the field to the register or write {group.Name}[n]."));
                return null;
            }

            if (field.Hi != field.Lo)
            {
                _diagnostics.Add(Descriptors.FineGrainedBitOutOfRange.Create(syntax.Field.Span,
                    $"'{syntax.Field.Text}' is the bit range [{field.Hi}:{field.Lo}], but a fine-grained trap tests one bit; name a single-bit field."));
                return null;
            }

            bit = field.Lo;
            name = $"{group.Name}.{syntax.Field.Text}";
        }
        else
        {
            if (syntax.Number!.Value > 63)
            {
                _diagnostics.Add(Descriptors.FineGrainedBitOutOfRange.Create(syntax.Number.Span,
                    $"Fine-grained bit {syntax.Number.Value} does not exist; trap registers have bits 0..63."));
                return null;
            }

            bit = (int)syntax.Number.Value;
            name = $"{group.Name}[{bit}]";
        }

        ulong bitMask = 1UL << bit;
        if ((read.Res0 & bitMask) != 0 && (write.Res0 & bitMask) != 0)
        {
            _diagnostics.Add(Descriptors.FineGrainedBitRes0.Create(syntax.Field?.Span ?? syntax.Number!.Span,
                $"Bit {bit} ({name}) is RES0 in {read.Name}{(read == write ? string.Empty : " and " + write.Name)}, so it reads as 0 when tested: the entry would never trap (trap_when: set) or always trap (trap_when: clear). Use a bit that is not RES0, or correct the register's 'res0'."));
            return null;
        }

        return (group, bit, name);
    }

    private List<(ushort First, ushort Last, bool IsRange, SourceSpan Span)> ResolveTargets(EquatableArray<EncodingSyntax> encodings, EncodingRangeSyntax? range)
    {
        var result = new List<(ushort, ushort, bool, SourceSpan)>();
        foreach (var encoding in encodings)
        {
            var value = Resolve(encoding);
            if (value is not null)
            {
                result.Add((value.Value, value.Value, false, encoding.Span));
            }
        }

        if (range is not null)
        {
            var first = Resolve(range.First);
            var last = Resolve(range.Last);
            if (first is not null && last is not null)
            {
                if (first.Value > last.Value)
                {
                    _diagnostics.Add(Descriptors.RangeReversed.Create(range.Span,
                        $"Range starts at {EncodingMath.GenericName(first.Value)}, after its end {EncodingMath.GenericName(last.Value)}; swap the two ends."));
                }
                else
                {
                    result.Add((first.Value, last.Value, true, range.Span));
                }
            }
        }

        return result;
    }

    private ushort? Resolve(EncodingSyntax encoding)
    {
        if (!encoding.IsName)
        {
            return Pack(encoding);
        }

        if (_catalogue.TryGetValue(encoding.CatalogueName!.Text, out var entry))
        {
            return entry.Encoding;
        }

        ReportUnknownSysReg(encoding.CatalogueName);
        return null;
    }

    private void ReportUnknownSysReg(NameSyntax name) =>
        _diagnostics.Add(Descriptors.UnknownSysReg.Create(name.Span,
            $"'{name.Text}' is not in the system-register catalogue.{Suggestions.DidYouMean(name.Text, _catalogue.Keys)} Add it under 'sysregs' or write its encoding (S3_0_C1_C0_0)."));

    // ---- helpers -------------------------------------------------------------------------------

    private BoundRegister? ResolveRegister(NameSyntax name)
    {
        var register = _ruleset.FindRegister(name.Text);
        if (register is null)
        {
            _diagnostics.Add(Descriptors.UnknownRegister.Create(name.Span,
                $"'{name.Text}' is not a defined register.{Suggestions.DidYouMean(name.Text, _ruleset.Registers.Select(r => r.Name))} Define it under 'registers'."));
        }

        return register;
    }

    /// <summary>Records a definition, reporting a second definition of the same name.</summary>
    private bool Define(Dictionary<string, SourceSpan> seen, NameSyntax name, string kind)
    {
        if (seen.TryGetValue(name.Text, out var first))
        {
            _diagnostics.Add(Descriptors.DuplicateDefinition.Create(name.Span,
                $"{kind} '{name.Text}' is already defined at {first.ToDisplayString()}; remove or rename one of them.", first));
            return false;
        }

        seen.Add(name.Text, name.Span);
        return true;
    }

    private static ushort Pack(EncodingSyntax encoding) =>
        EncodingMath.Pack(encoding.Fields[0].Value, encoding.Fields[1].Value, encoding.Fields[2].Value, encoding.Fields[3].Value, encoding.Fields[4].Value);

    private static string Hex(ulong value) => "0x" + value.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
}
