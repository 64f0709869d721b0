using System.Collections.Generic;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

// Coarse traps, and the encodings and ranges that coarse and fine-grained traps both name.
internal sealed partial class Binder
{
    private void BindTraps()
    {
        foreach (var trap in All(f => f.Traps))
        {
            int group = 0;
            if (trap.Group is not null)
            {
                if (_groupIds.TryGetValue(trap.Group.Text, out group))
                {
                    // An empty 'sysregs: []' names the group but traps nothing with it.
                    (trap.Encodings.Count > 0 || trap.Range is not null ? _trappedGroups : _emptyTrapGroups).Add(group);
                }
                else
                {
                    Report(Descriptors.UnknownGroup, trap.Group.Span,
                        $"Trap names group '{DiagnosticText.Quote(trap.Group.Text)}', which is not defined.{Hint(trap.Group.Text, _groupIds.Keys, DefinitionKind.Group)} Define it under 'controls', 'combinations' or 'conditions'.");
                }
            }

            foreach (var (first, last, isRange, span) in ResolveTargets(trap.Encodings, trap.Range))
            {
                if (group != 0)
                {
                    _coarseEntries.Add(new CoarseEntry(first, last, group, isRange, span));
                }
            }
        }
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
                    Report(Descriptors.RangeReversed, range.Span,
                        $"Range starts at {EncodingLayout.GenericName(first.Value)}, after its end {EncodingLayout.GenericName(last.Value)}; swap the two ends.");
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
        if (encoding.CatalogueName is not { } name)
        {
            return Pack(encoding);
        }

        if (_catalogueByName.TryGetValue(name.Text, out var entry))
        {
            return entry.Encoding;
        }

        if (!_brokenAliases.Contains(name.Text))
        {
            ReportUnknownSysReg(name);
        }

        return null;
    }
}
