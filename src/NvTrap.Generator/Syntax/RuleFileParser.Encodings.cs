using System.Collections.Generic;
using System.Globalization;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Compiler.Syntax;

// Encodings, traps, fine-grained groups and traps, and the system-register catalogue.
internal sealed partial class RuleFileParser
{
    private static readonly string[] TrapKeys = { "group", "sysreg", "sysregs", "range" };
    private static readonly string[] FineGrainedGroupKeys = { "read", "write", "both" };
    private static readonly string[] FineGrainedTrapKeys = { "sysreg", "sysregs", "range", "bit", "trap_when" };

    /// <summary>An encoding: a catalogue name, S3_0_C1_C0_0, or [op0, op1, CRn, CRm, op2].</summary>
    private EncodingSyntax? ParseEncoding(YamlNode node)
    {
        if (node is YamlSequence sequence)
        {
            if (sequence.Items.Count != 5)
            {
                _diagnostics.Add(Descriptors.MalformedEncoding.Create(sequence.Span,
                    $"An encoding list has five fields [op0, op1, CRn, CRm, op2], but this one has {sequence.Items.Count}."));
                return null;
            }

            var fields = new List<NumberSyntax>();
            for (int i = 0; i < 5; i++)
            {
                var number = ParseNumber(sequence.Items[i], $"encoding field {EncodingFields[i].Name} (an integer)");
                if (number is null)
                {
                    return null;
                }

                if (!CheckEncodingField(i, number.Value, number.Span))
                {
                    return null;
                }

                fields.Add(number);
            }

            return new EncodingSyntax(null, fields.ToEquatableArray(), sequence.Span);
        }

        if (node is YamlScalar scalar && !scalar.IsNull)
        {
            if (GenericEncodingName.TryMatch(scalar.Value, _fieldStarts, _fieldLengths))
            {
                var fields = new List<NumberSyntax>(5);
                for (int i = 0; i < 5; i++)
                {
                    var span = scalar.Span.Slice(scalar.ContentOffset + _fieldStarts[i], _fieldLengths[i]);
                    ulong value = GenericEncodingName.Value(scalar.Value, _fieldStarts[i], _fieldLengths[i]);

                    if (!CheckEncodingField(i, value, span))
                    {
                        return null;
                    }

                    fields.Add(new NumberSyntax(value, span));
                }

                return new EncodingSyntax(null, fields.ToEquatableArray(), scalar.Span);
            }

            if (IdentifierPattern.IsMatch(scalar.Value))
            {
                return new EncodingSyntax(new NameSyntax(scalar.Value, scalar.Span), EquatableArray<NumberSyntax>.Empty, scalar.Span);
            }
        }

        _diagnostics.Add(Descriptors.MalformedEncoding.Create(node.Span,
            $"{Capitalize(node.Describe())} is not an encoding; write a catalogue name (SCTLR_EL1), a generic name (S3_0_C1_C0_0) or a list [3, 0, 1, 0, 0]."));
        return null;
    }

    private bool CheckEncodingField(int index, ulong value, SourceSpan span)
    {
        var (name, max) = EncodingFields[index];
        if (value > (ulong)max)
        {
            _diagnostics.Add(Descriptors.EncodingFieldOutOfRange.Create(span,
                $"Encoding field {name} is {(value == ulong.MaxValue ? "too large" : value.ToString(CultureInfo.InvariantCulture))}; it must be 0..{max}."));
            return false;
        }

        return true;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private EncodingRangeSyntax? ParseRange(YamlNode node)
    {
        if (node is not YamlSequence sequence || sequence.Items.Count != 2)
        {
            WrongType(node, "a range [first, last] of two encodings");
            return null;
        }

        var first = ParseEncoding(sequence.Items[0]);
        var last = ParseEncoding(sequence.Items[1]);
        return first is null || last is null ? null : new EncodingRangeSyntax(first, last, sequence.Span);
    }

    /// <summary>The 'sysreg' / 'sysregs' / 'range' part shared by coarse and fine-grained traps.</summary>
    private bool ParseTargets(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> keys, YamlMapping mapping, string owner, out List<EncodingSyntax> encodings, out EncodingRangeSyntax? range)
    {
        encodings = new List<EncodingSyntax>();
        range = null;
        var given = new List<KeyValuePair<YamlScalar, YamlNode>>();
        foreach (var key in new[] { "sysreg", "sysregs", "range" })
        {
            if (keys.TryGetValue(key, out var entry))
            {
                given.Add(entry);
            }
        }

        if (given.Count == 0)
        {
            Missing(mapping, owner, "sysreg", "'sysreg: SCTLR_EL1', 'sysregs: [A, B]' or 'range: [S3_0_C11_C0_0, S3_0_C11_C15_7]'");
            return false;
        }

        if (given.Count > 1)
        {
            _diagnostics.Add(Descriptors.ConflictingKeys.Create(given[1].Key.Span,
                $"{owner} has both '{given[0].Key.Value}' and '{given[1].Key.Value}'; give exactly one of 'sysreg', 'sysregs' or 'range' (split it into two entries)."));
            return false;
        }

        var target = given[0];
        switch (target.Key.Value)
        {
            case "sysreg":
                var single = ParseEncoding(target.Value);
                if (single is null)
                {
                    return false;
                }

                encodings.Add(single);
                return true;
            case "sysregs":
                if (target.Value is not YamlSequence list)
                {
                    WrongType(target.Value, "a list of encodings under 'sysregs'");
                    return false;
                }

                bool ok = true;
                foreach (var item in list.Items)
                {
                    var encoding = ParseEncoding(item);
                    if (encoding is null)
                    {
                        ok = false;
                        continue;
                    }

                    encodings.Add(encoding);
                }

                return ok || encodings.Count > 0;
            default:
                range = ParseRange(target.Value);
                return range is not null;
        }
    }

    private TrapSyntax? ParseTrap(YamlNode node)
    {
        var mapping = ExpectMapping(node, "a trap entry: { group: G, sysreg: R } (or 'sysregs' or 'range')");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, TrapKeys, "a trap entry");
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

        var keys = ReadKeys(mapping, FineGrainedGroupKeys, $"fine-grained group '{name}'");
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

        var keys = ReadKeys(mapping, FineGrainedTrapKeys, "a fine-grained trap entry");
        FineGrainedBitSyntax? bit = null;
        if (keys.TryGetValue("bit", out var bitNode))
        {
            bit = ParseFineGrainedBit(bitNode.Value);
        }
        else
        {
            Missing(mapping, "Fine-grained trap entry", "bit", "'bit: HFGxTR.nTPIDR2_EL0'");
        }

        PolaritySyntax? polarity = null;
        if (keys.TryGetValue("trap_when", out var polarityNode))
        {
            if (polarityNode.Value is YamlScalar { Value: "set" })
            {
                polarity = PolaritySyntax.Set;
            }
            else if (polarityNode.Value is YamlScalar { Value: "clear" })
            {
                polarity = PolaritySyntax.Clear;
            }
            else
            {
                _diagnostics.Add(Descriptors.InvalidPolarity.Create(polarityNode.Value.Span,
                    $"Polarity {polarityNode.Value.Describe()} is not valid; 'trap_when' is 'set' (trap when the bit is 1) or 'clear' (trap when it is 0)."));
            }
        }
        else
        {
            Missing(mapping, "Fine-grained trap entry", "trap_when", "'trap_when: set' or 'trap_when: clear'");
        }

        if (!ParseTargets(keys, mapping, "Fine-grained trap entry", out var encodings, out var range))
        {
            return null;
        }

        return new FineGrainedTrapSyntax(encodings.ToEquatableArray(), range, bit, polarity, mapping.Span);
    }

    private FineGrainedBitSyntax? ParseFineGrainedBit(YamlNode node)
    {
        if (node is YamlScalar scalar && !scalar.IsNull)
        {
            var match = FineGrainedBitPattern.Match(scalar.Value);
            if (match.Success)
            {
                var groupSpan = scalar.Span.Slice(scalar.ContentOffset, match.Groups[1].Length);
                var group = new NameSyntax(match.Groups[1].Value, groupSpan);
                if (match.Groups[2].Success)
                {
                    var fieldSpan = scalar.Span.Slice(scalar.ContentOffset + match.Groups[2].Index, match.Groups[2].Length);
                    return new FineGrainedBitSyntax(group, new NameSyntax(match.Groups[2].Value, fieldSpan), null, scalar.Span);
                }

                var numberGroup = match.Groups[3];
                var numberSpan = scalar.Span.Slice(scalar.ContentOffset + numberGroup.Index, System.Math.Max(1, numberGroup.Length));
                if (IntegerLiteral.TryParse(numberGroup.Value.Trim(), out ulong bit))
                {
                    return new FineGrainedBitSyntax(group, null, new NumberSyntax(bit, numberSpan), scalar.Span);
                }

                _diagnostics.Add(Descriptors.WrongValueType.Create(numberSpan, $"'{numberGroup.Value}' is not a bit number; write GROUP[n] with n in 0..63."));
                return null;
            }
        }

        WrongType(node, "a fine-grained bit: GROUP.FIELD or GROUP[n]");
        return null;
    }

    private EquatableArray<SysRegSyntax> ParseSysRegs(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> keys) =>
        ParseNamedMap(keys, "sysregs", ParseSysReg);

    private SysRegSyntax? ParseSysReg(NameSyntax name, YamlNode node)
    {
        var family = FamilyNamePattern.Match(name.Text);
        if (!family.Success)
        {
            if (!IdentifierPattern.IsMatch(name.Text))
            {
                _diagnostics.Add(Descriptors.InvalidName.Create(name.Span,
                    $"'{name.Text}' is not a valid system-register name; use letters, digits and '_' (and one '<n>' placeholder for a family)."));
                return null;
            }

            var encoding = ParseEncoding(node);
            return encoding is null ? null : new SysRegSyntax(name, encoding, null, node.Span);
        }

        string variable = family.Groups[2].Value;
        var mapping = ExpectMapping(node, $"a family definition {{ {variable}: 0..15, encoding: [op0, op1, CRn, CRm, op2] }} for '{name}'");
        if (mapping is null)
        {
            return null;
        }

        var keys = ReadKeys(mapping, new[] { variable, "encoding" }, $"family '{name}'");
        if (!keys.TryGetValue(variable, out var rangeNode))
        {
            Missing(mapping, $"Family '{name}'", variable, $"'{variable}: 0..15'");
            return null;
        }

        if (!keys.TryGetValue("encoding", out var encodingNode))
        {
            Missing(mapping, $"Family '{name}'", "encoding", $"'encoding: [2, 0, 0, {variable}, 4]'");
            return null;
        }

        var indexRange = ParseIndexRange(rangeNode.Value, name.Text);
        if (indexRange is null)
        {
            return null;
        }

        if (encodingNode.Value is not YamlSequence fieldsNode || fieldsNode.Items.Count != 5)
        {
            _diagnostics.Add(Descriptors.MalformedEncoding.Create(encodingNode.Value.Span,
                $"A family's encoding is a list of five fields [op0, op1, CRn, CRm, op2], each an integer or an expression of '{variable}'."));
            return null;
        }

        var fields = new List<ExpressionText>();
        foreach (var item in fieldsNode.Items)
        {
            var expression = ParseExpression(item, $"an encoding field of family '{name}'");
            if (expression?.Tree is null)
            {
                return null;
            }

            fields.Add(expression);
        }

        var familySyntax = new FamilySyntax(family.Groups[1].Value, variable, family.Groups[3].Value, indexRange.Value.From, indexRange.Value.To, fields.ToEquatableArray(), mapping.Span);
        return new SysRegSyntax(name, null, familySyntax, mapping.Span);
    }

    private (NumberSyntax From, NumberSyntax To)? ParseIndexRange(YamlNode node, string family)
    {
        if (node is YamlScalar { IsPlain: true } scalar)
        {
            int dots = scalar.Value.IndexOf("..", System.StringComparison.Ordinal);
            if (dots > 0
                && IntegerLiteral.TryParse(scalar.Value.Substring(0, dots).Trim(), out ulong from)
                && IntegerLiteral.TryParse(scalar.Value.Substring(dots + 2).Trim(), out ulong to))
            {
                if (from > to || to > 1023)
                {
                    _diagnostics.Add(Descriptors.FamilyRange.Create(scalar.Span,
                        $"Family '{family}' has index range {from}..{to}; write first..last with first <= last <= 1023."));
                    return null;
                }

                return (new NumberSyntax(from, scalar.Span), new NumberSyntax(to, scalar.Span));
            }
        }

        WrongType(node, $"an index range 'first..last' for family '{family}', e.g. 0..15");
        return null;
    }
}
