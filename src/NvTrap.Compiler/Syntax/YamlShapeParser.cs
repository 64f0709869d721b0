using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// The shapes every NvTrap YAML document is built from (keys, names, numbers, bits, masks),
/// each read with a located diagnostic for anything else, so rule files and VM profiles report
/// a wrong value the same way.
/// </summary>
internal abstract class YamlShapeParser
{
    protected static readonly Regex IdentifierPattern = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    protected readonly string _path;
    protected readonly List<RuleDiagnostic> _diagnostics;

    protected YamlShapeParser(string path, List<RuleDiagnostic> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads a mapping's keys, reporting unknown and repeated keys.</summary>
    protected Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> ReadKeys(YamlMapping mapping, string[] allowed, string what)
    {
        var result = new Dictionary<string, KeyValuePair<YamlScalar, YamlNode>>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            string key = entry.Key.Value;
            if (Array.IndexOf(allowed, key) < 0)
            {
                _diagnostics.Add(Descriptors.UnknownKey.Create(entry.Key.Span,
                    $"Unknown key '{key}' in {what}.{Suggestions.DidYouMean(key, allowed)} Allowed keys: {string.Join(", ", allowed)}."));
                continue;
            }

            if (result.TryGetValue(key, out var previous))
            {
                _diagnostics.Add(Descriptors.DuplicateDefinition.Create(entry.Key.Span,
                    $"Key '{key}' appears twice in {what} (first at {previous.Key.Span.ToDisplayString()}); keep one.", previous.Key.Span));
                continue;
            }

            result.Add(key, entry);
        }

        return result;
    }

    protected NameSyntax? ParseDefinitionName(YamlScalar key)
    {
        if (!IdentifierPattern.IsMatch(key.Value))
        {
            _diagnostics.Add(Descriptors.InvalidName.Create(key.Span,
                $"'{key.Value}' is not a valid name; names start with a letter or '_' and hold only letters, digits and '_'."));
            return null;
        }

        return new NameSyntax(key.Value, key.Span);
    }

    protected NameSyntax? ParseNameReference(YamlNode node, string what)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            WrongType(node, what);
            return null;
        }

        if (!IdentifierPattern.IsMatch(scalar.Value))
        {
            _diagnostics.Add(Descriptors.InvalidName.Create(scalar.Span, $"'{scalar.Value}' is not a valid name for {what}."));
            return null;
        }

        return new NameSyntax(scalar.Value, scalar.Span);
    }

    protected NumberSyntax? ParseNumber(YamlNode node, string what)
    {
        if (node is YamlScalar { IsPlain: true } scalar && IntegerLiteral.TryParse(scalar.Value, out ulong value))
        {
            return new NumberSyntax(value, scalar.Span);
        }

        WrongType(node, what);
        return null;
    }

    protected int? ParseBitPosition(YamlNode node, string what)
    {
        var number = ParseNumber(node, what);
        if (number is null)
        {
            return null;
        }

        if (number.Value > 63)
        {
            _diagnostics.Add(Descriptors.InvalidBitPosition.Create(number.Span, $"Bit {number.Value} is outside a 64-bit register; use 0..63."));
            return null;
        }

        return (int)number.Value;
    }

    /// <summary>A bit (<c>n</c>) or an inclusive range (<c>[hi, lo]</c>), as (hi, lo).</summary>
    protected (int Hi, int Lo)? ParseBitOrRange(YamlNode node, string what)
    {
        if (node is YamlSequence sequence)
        {
            if (sequence.Items.Count != 2)
            {
                WrongType(node, $"{what}: a bit number or [hi, lo]");
                return null;
            }

            int? hi = ParseBitPosition(sequence.Items[0], "the high bit number");
            int? lo = ParseBitPosition(sequence.Items[1], "the low bit number");
            if (hi is null || lo is null)
            {
                return null;
            }

            if (hi < lo)
            {
                _diagnostics.Add(Descriptors.InvalidBitPosition.Create(sequence.Span, $"Bit range [{hi}, {lo}] is reversed; write [hi, lo] with hi >= lo, e.g. [{lo}, {hi}]."));
                return null;
            }

            return (hi.Value, lo.Value);
        }

        int? bit = ParseBitPosition(node, $"{what}: a bit number or [hi, lo]");
        return bit is null ? null : (bit.Value, bit.Value);
    }

    /// <summary>A RES0 or RES1 mask: an integer, or a list of bits and [hi, lo] ranges.</summary>
    protected NumberSyntax? ParseReservedBits(YamlNode node, string what)
    {
        if (node is YamlSequence sequence)
        {
            ulong mask = 0;
            bool ok = true;
            foreach (var item in sequence.Items)
            {
                var bits = ParseBitOrRange(item, $"a {what} entry");
                if (bits is null)
                {
                    ok = false;
                    continue;
                }

                mask |= BitField.Mask(bits.Value.Hi, bits.Value.Lo);
            }

            return ok ? new NumberSyntax(mask, node.Span) : null;
        }

        return ParseNumber(node, $"a {what} mask: an integer, or a list of bits and [hi, lo] ranges");
    }

    protected void WrongType(YamlNode node, string expected) =>
        _diagnostics.Add(Descriptors.WrongValueType.Create(node.Span, $"Expected {expected}, but found {node.Describe()}."));

    protected void Missing(YamlMapping mapping, string owner, string key, string example) =>
        _diagnostics.Add(Descriptors.MissingKey.Create(mapping.Span.Slice(0, 1), $"{owner} has no '{key}'; add it, e.g. {example}."));

    protected YamlMapping? ExpectMapping(YamlNode node, string what)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        WrongType(node, what);
        return null;
    }
}
