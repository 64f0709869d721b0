using System.Collections.Generic;
using System.Linq;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

// Fine-grained groups (which register serves reads and writes) and fine-grained traps (an
// encoding's bit in its group, and the polarity that traps).
internal sealed partial class Binder
{
    private void BindFineGrainedGroups()
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var syntax in All(f => f.FineGrainedGroups))
        {
            if (!Define(seen, syntax.Name, "Fine-grained group", NameKind.FineGrainedGroup))
            {
                continue;
            }

            // A register that is not defined is reported here and bound as -1, as a control's is:
            // the group still exists, so the traps naming it are not reported again.
            var read = ResolveRegister(syntax.Read!);
            var write = syntax.Write == syntax.Read ? read : ResolveRegister(syntax.Write!);
            _fineGrainedGroups.Add(new BoundFineGrainedGroup(_fineGrainedGroups.Count + 1, syntax.Name.Text, read?.Index ?? -1, write?.Index ?? -1, syntax.Name.Span));
        }
    }

    private void BindFineGrainedTraps()
    {
        foreach (var trap in All(f => f.FineGrainedTraps))
        {
            var bit = trap.Bit is null ? null : ResolveFineGrainedBit(trap.Bit);
            int? filter = trap.Filter is null ? 0 : ResolveFilter(trap.Filter);
            var targets = ResolveTargets(trap.Encodings, trap.Range);
            if (bit is null || trap.TrapWhen is null || filter is null)
            {
                continue;
            }

            foreach (var (first, last, isRange, span) in targets)
            {
                _fineGrainedEntries.Add(new FineGrainedEntry(first, last, bit.Value.Group.Id, bit.Value.Bit, trap.TrapWhen == PolaritySyntax.Set, filter.Value, bit.Value.Name, isRange, span));
            }
        }
    }

    private void BindNonSysregBits()
    {
        foreach (var syntax in All(f => f.NonSysregBits))
        {
            var bit = syntax.Bit is null ? null : ResolveFineGrainedBit(syntax.Bit);
            if (bit is not null && syntax.TrapWhen is not null)
            {
                _nonSysregBits.Add(new NonSysregBit(bit.Value.Group.Id, bit.Value.Bit, syntax.TrapWhen == PolaritySyntax.Set, bit.Value.Name, syntax.Bit!.Span));
            }
        }
    }

    private int? ResolveFilter(NameSyntax name)
    {
        if (_filterIds.TryGetValue(name.Text, out int id))
        {
            return id;
        }

        Report(Descriptors.UnknownFilter, name.Span,
            $"'{DiagnosticText.Quote(name.Text)}' is not a filter.{Hint(name.Text, _filterIds.Keys, DefinitionKind.Filter)} Define it under 'filters'.");
        return null;
    }

    private (BoundFineGrainedGroup Group, int Bit, string Name)? ResolveFineGrainedBit(FineGrainedBitSyntax syntax)
    {
        var group = _fineGrainedGroups.Find(g => g.Name == syntax.Group.Text);
        if (group is null)
        {
            Report(Descriptors.UnknownFineGrainedGroup, syntax.Group.Span,
                $"'{DiagnosticText.Quote(syntax.Group.Text)}' is not a fine-grained group.{Hint(syntax.Group.Text, _fineGrainedGroups.Select(g => g.Name), DefinitionKind.FineGrainedGroup)} Define it under 'fine_grained'.");
            return null;
        }

        if (group.ReadRegister < 0 || group.WriteRegister < 0)
        {
            // The group names a register that is not defined (reported at the group): its bits
            // cannot be resolved or checked, and the trap is not bound.
            return null;
        }

        var read = _registers[group.ReadRegister];
        var write = _registers[group.WriteRegister];
        int bit;
        string name;
        if (syntax.Field is not null)
        {
            if (!read.Fields.TryGetValue(syntax.Field.Text, out var field) && !write.Fields.TryGetValue(syntax.Field.Text, out field))
            {
                var candidates = read.Fields.Keys.Concat(write.Fields.Keys).Distinct();
                Report(Descriptors.UnknownField, syntax.Field.Span,
                    $"Fine-grained group '{group.Name}' has no bit named '{DiagnosticText.Quote(syntax.Field.Text)}' in {read.Name}{(read == write ? string.Empty : " or " + write.Name)}.{_suggester.DidYouMean(syntax.Field.Text, candidates)} Add the field to the register or write {group.Name}[n].");
                return null;
            }

            if (field.Hi != field.Lo)
            {
                Report(Descriptors.FineGrainedBitOutOfRange, syntax.Field.Span,
                    $"'{syntax.Field.Text}' is the bit range [{field.Hi}:{field.Lo}], but a fine-grained trap tests one bit; name a single-bit field.");
                return null;
            }

            bit = field.Lo;
            name = $"{group.Name}.{syntax.Field.Text}";
        }
        else
        {
            if (syntax.Number!.Value > 63)
            {
                Report(Descriptors.FineGrainedBitOutOfRange, syntax.Number.Span,
                    $"Fine-grained bit {syntax.Number.Value} does not exist; trap registers have bits 0..63.");
                return null;
            }

            bit = (int)syntax.Number.Value;
            name = $"{group.Name}[{bit}]";
        }

        ulong bitMask = 1UL << bit;
        if (((read.Res0 | read.Res1) & bitMask) != 0 && ((write.Res0 | write.Res1) & bitMask) != 0)
        {
            Report(Descriptors.FineGrainedBitRes0, syntax.Field?.Span ?? syntax.Number!.Span,
                $"Bit {bit} ({name}) is reserved in {read.Name}{(read == write ? string.Empty : " and " + write.Name)}, so it reads as a constant when tested: the entry could never decide anything. Use a bit that is not reserved, or correct the register's 'res0' and 'res1'.");
            return null;
        }

        return (group, bit, name);
    }
}
