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
    protected static readonly Regex IdentifierPattern = new(LanguagePatterns.Identifier, RegexOptions.CultureInvariant);

    protected readonly string _path;
    protected readonly List<RuleDiagnostic> _diagnostics;

    protected YamlShapeParser(string path, List<RuleDiagnostic> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads a mapping's keys against the table of its kind, reporting unknown and repeated keys.</summary>
    protected Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> ReadKeys(YamlMapping mapping, KeyTable table, string what) =>
        ReadKeys(mapping, table.Names, what);

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
                    $"Unknown key '{DiagnosticText.Quote(key)}' in {what}.{Suggestions.DidYouMean(key, allowed)} Allowed keys: {string.Join(", ", allowed)}."));
                continue;
            }

            if (result.TryGetValue(key, out var previous))
            {
                _diagnostics.Add(Descriptors.DuplicateDefinition.Create(entry.Key.Span,
                    $"Key '{DiagnosticText.Quote(key)}' appears twice in {what} (first at {previous.Key.Span.ToDisplayString()}); keep one.", previous.Key.Span));
                continue;
            }

            result.Add(key, entry);
        }

        return result;
    }

    /// <summary>
    /// The longest name: names become C# identifiers (at most 512 characters, some prefixed, as in
    /// <c>Condition_NAME</c>) and are quoted in messages and explanations.
    /// </summary>
    public const int MaxNameLength = 256;

    protected NameSyntax? ParseDefinitionName(YamlScalar key)
    {
        if (!IdentifierPattern.IsMatch(key.Value))
        {
            _diagnostics.Add(Descriptors.InvalidName.Create(key.Span,
                $"'{DiagnosticText.Quote(key.Value)}' is not a valid name; names start with a letter or '_' and hold only letters, digits and '_'."));
            return null;
        }

        if (key.Value is "null" or "Null" or "NULL")
        {
            // Written plainly where it is used (register: null), YAML reads it as no value at all.
            _diagnostics.Add(Descriptors.InvalidName.Create(key.Span,
                $"'{key.Value}' cannot be a name: written as a value (register: {key.Value}) YAML reads it as empty. Choose another name."));
            return null;
        }

        return NameWithinLimit(key) ? new NameSyntax(key.Value, key.Span) : null;
    }

    /// <summary>Reports a name longer than <see cref="MaxNameLength"/> (NVT007).</summary>
    protected bool NameWithinLimit(YamlScalar scalar)
    {
        if (scalar.Value.Length <= MaxNameLength)
        {
            return true;
        }

        _diagnostics.Add(Descriptors.LimitExceeded.Create(scalar.Span,
            Invariant.Format($"Name is {scalar.Value.Length:N0} characters long; the limit is {MaxNameLength}. Use a shorter name.")));
        return false;
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
            _diagnostics.Add(Descriptors.InvalidName.Create(scalar.Span, $"'{DiagnosticText.Quote(scalar.Value)}' is not a valid name for {what}."));
            return null;
        }

        return NameWithinLimit(scalar) ? new NameSyntax(scalar.Value, scalar.Span) : null;
    }

    protected NumberSyntax? ParseNumber(YamlNode node, string what)
    {
        if (node is YamlScalar { IsPlain: true } scalar)
        {
            switch (IntegerLiteral.Parse(scalar.Value, out ulong value))
            {
                case IntegerParse.Ok:
                    return new NumberSyntax(value, scalar.Span);
                case IntegerParse.TooLarge:
                    TooLarge(scalar);
                    return null;
            }
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

    /// <summary>An integer that does not fit 64 bits (NVT003: no value of the key's type can be that large).</summary>
    protected void TooLarge(YamlScalar scalar) =>
        _diagnostics.Add(Descriptors.WrongValueType.Create(scalar.Span, $"Integer {DiagnosticText.Quote(scalar.Value)} is too large: {IntegerLiteral.Limit}."));

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
