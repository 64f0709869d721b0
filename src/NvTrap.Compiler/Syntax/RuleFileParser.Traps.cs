using System.Collections.Generic;
using System.Globalization;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Compiler.Syntax;

// Coarse traps, fine-grained groups and fine-grained traps.
internal sealed partial class RuleFileParser
{
    private TrapSyntax? ParseTrap(YamlNode node)
    {
        var mapping = ExpectMapping(node, "a trap entry: { group: G, sysreg: R } (or 'sysregs' or 'range')");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, RuleFileKeys.Trap, "a trap entry");
        NameSyntax? group = null;
        if (keys.TryGetValue("group", out var groupNode))
        {
            group = ParseNameReference(groupNode.Value, "the group of a trap entry");
        }
        else
        {
            Missing(mapping, "Trap entry", "group", "'group: HCR_TVM'");
        }

        if (!ParseTargets(keys, mapping, "Trap entry", out var encodings, out var range))
        {
            return null;
        }

        return new TrapSyntax(group, encodings.ToEquatableArray(), range, mapping.Span);
    }

    private FineGrainedGroupSyntax? ParseFineGrainedGroup(NameSyntax name, YamlNode node)
    {
        var mapping = ExpectMapping(node, $"a mapping with 'read' and 'write' (or 'both') for fine-grained group '{name}'");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, RuleFileKeys.FineGrainedGroup, $"fine-grained group '{name}'");
        if (keys.TryGetValue("both", out var both))
        {
            foreach (var other in new[] { "read", "write" })
            {
                if (keys.TryGetValue(other, out var conflicting))
                {
                    _diagnostics.Add(Descriptors.ConflictingKeys.Create(conflicting.Key.Span,
                        $"Fine-grained group '{name}' has both 'both' and '{other}'; use 'both' for one register serving reads and writes, or 'read' and 'write'."));
                    return null;
                }
            }

            var register = ParseNameReference(both.Value, $"the register of fine-grained group '{name}'");
            return register is null ? null : new FineGrainedGroupSyntax(name, register, register, mapping.Span);
        }

        NameSyntax? read = null;
        NameSyntax? write = null;
        if (keys.TryGetValue("read", out var readNode))
        {
            read = ParseNameReference(readNode.Value, $"the read register of fine-grained group '{name}'");
        }
        else
        {
            Missing(mapping, $"Fine-grained group '{name}'", "read", "'read: HFGRTR_EL2' (or 'both: HFGITR_EL2')");
        }

        if (keys.TryGetValue("write", out var writeNode))
        {
            write = ParseNameReference(writeNode.Value, $"the write register of fine-grained group '{name}'");
        }
        else
        {
            Missing(mapping, $"Fine-grained group '{name}'", "write", "'write: HFGWTR_EL2' (or 'both: HFGITR_EL2')");
        }

        return read is null || write is null ? null : new FineGrainedGroupSyntax(name, read, write, mapping.Span);
    }

    private FineGrainedTrapSyntax? ParseFineGrainedTrap(YamlNode node)
    {
        var mapping = ExpectMapping(node, "a fine-grained trap entry: { sysreg: R, bit: GROUP.FIELD, trap_when: set }");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, RuleFileKeys.FineGrainedTrap, "a fine-grained trap entry");
        var (bit, polarity) = ParseBitAndPolarity(keys, mapping, "Fine-grained trap entry");
        var filter = keys.TryGetValue("filter", out var filterNode) ? ParseNameReference(filterNode.Value, "the filter of a fine-grained trap entry") : null;
        if (!ParseTargets(keys, mapping, "Fine-grained trap entry", out var encodings, out var range))
        {
            return null;
        }

        return new FineGrainedTrapSyntax(encodings.ToEquatableArray(), range, bit, polarity, filter, mapping.Span);
    }

    private NonSysregBitSyntax? ParseNonSysregBit(YamlNode node)
    {
        var mapping = ExpectMapping(node, "a fine-grained bit that traps something else: { bit: HFGITR.ERET, trap_when: set }");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, RuleFileKeys.NonSysregBit, "a 'fine_grained_non_sysreg' entry");
        var (bit, polarity) = ParseBitAndPolarity(keys, mapping, "A 'fine_grained_non_sysreg' entry");
        return new NonSysregBitSyntax(bit, polarity, mapping.Span);
    }

    /// <summary>The 'bit' and 'trap_when' keys that fine-grained entries share.</summary>
    private (FineGrainedBitSyntax? Bit, PolaritySyntax? Polarity) ParseBitAndPolarity(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> keys, YamlMapping mapping, string owner)
    {
        FineGrainedBitSyntax? bit = null;
        if (keys.TryGetValue("bit", out var bitNode))
        {
            bit = ParseFineGrainedBit(bitNode.Value);
        }
        else
        {
            Missing(mapping, owner, "bit", "'bit: HFGxTR.nTPIDR2_EL0'");
        }

        PolaritySyntax? polarity = null;
        if (keys.TryGetValue("trap_when", out var polarityNode))
        {
            if (polarityNode.Value is YamlScalar scalar && LanguageValues.Polarity.TryRead(scalar.Value, out var read))
            {
                polarity = read;
            }
            else
            {
                _diagnostics.Add(Descriptors.InvalidPolarity.Create(polarityNode.Value.Span,
                    $"Polarity {polarityNode.Value.Describe()} is not valid; 'trap_when' is 'set' (trap when the bit is 1) or 'clear' (trap when it is 0)."));
            }
        }
        else
        {
            Missing(mapping, owner, "trap_when", "'trap_when: set' or 'trap_when: clear'");
        }

        return (bit, polarity);
    }

    private FineGrainedBitSyntax? ParseFineGrainedBit(YamlNode node)
    {
        if (node is YamlScalar scalar && !scalar.IsNull)
        {
            var match = FineGrainedBitPattern.Match(scalar.Value);
            if (match.Success)
            {
                var groupSpan = scalar.Locate(0, match.Groups[1].Length);
                var group = new NameSyntax(match.Groups[1].Value, groupSpan);
                if (match.Groups[2].Success)
                {
                    var fieldSpan = scalar.Locate(match.Groups[2].Index, match.Groups[2].Length);
                    return new FineGrainedBitSyntax(group, new NameSyntax(match.Groups[2].Value, fieldSpan), null, scalar.Span);
                }

                var numberGroup = match.Groups[3];
                var numberSpan = scalar.Locate(numberGroup.Index, System.Math.Max(1, numberGroup.Length));
                switch (IntegerLiteral.Parse(numberGroup.Value.Trim(), out ulong bit))
                {
                    case IntegerParse.Ok:
                        return new FineGrainedBitSyntax(group, null, new NumberSyntax(bit, numberSpan), scalar.Span);
                    case IntegerParse.TooLarge:
                        _diagnostics.Add(Descriptors.FineGrainedBitOutOfRange.Create(numberSpan, $"Fine-grained bit {DiagnosticText.Quote(numberGroup.Value.Trim())} is too large; trap registers have bits 0..63."));
                        return null;
                }

                _diagnostics.Add(Descriptors.WrongValueType.Create(numberSpan, $"'{DiagnosticText.Quote(numberGroup.Value)}' is not a bit number; write GROUP[n] with n in 0..63."));
                return null;
            }
        }

        WrongType(node, "a fine-grained bit: GROUP.FIELD or GROUP[n]");
        return null;
    }
}
