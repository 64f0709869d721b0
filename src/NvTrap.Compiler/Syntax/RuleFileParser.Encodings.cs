using System.Collections.Generic;
using System.Globalization;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Compiler.Syntax;

// Encodings as rule files write them: catalogue names, generic names, five-field lists, ranges.
internal sealed partial class RuleFileParser
{
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
                var number = ParseNumber(sequence.Items[i], $"encoding field {EncodingFieldNames[i]} (an integer)");
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
                    var span = scalar.Locate(_fieldStarts[i], _fieldLengths[i]);
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
        string name = EncodingFieldNames[index];
        int max = EncodingLayout.FieldMaxima[index];
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
}
