using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// Shapes one rule file's YAML tree into <see cref="RuleFileSyntax"/>. Checks what can be
/// checked without other files: known keys, value types, name spelling, encoding field ranges,
/// bit positions, behaviours and polarities. Never throws; every problem is a diagnostic.
/// </summary>
internal sealed partial class RuleFileParser
{
    private static readonly Regex IdentifierPattern = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex FamilyNamePattern = new("^([A-Za-z_][A-Za-z0-9_]*)?<([A-Za-z_][A-Za-z0-9_]*)>([A-Za-z0-9_]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex FineGrainedBitPattern = new(@"^([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[([^\]]*)\])$", RegexOptions.CultureInvariant);

    /// <summary>The five encoding fields as messages name them (their ranges are <see cref="EncodingLayout.FieldMaxima"/>).</summary>
    internal static readonly string[] EncodingFieldNames = { "op0", "op1", "CRn", "CRm", "op2" };

    private static readonly string[] TopLevelKeys = { "ruleset", "registers", "controls", "combinations", "conditions", "traps", "fine_grained", "fine_grained_traps", "sysregs" };

    private readonly string _path;

    // Where the five fields of a generic encoding name were found (reused: one parser reads one file).
    private readonly int[] _fieldStarts = new int[5];
    private readonly int[] _fieldLengths = new int[5];
    private readonly List<RuleDiagnostic> _diagnostics;

    private RuleFileParser(string path, List<RuleDiagnostic> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses a rule file's text; returns null only when the YAML itself is unusable.</summary>
    public static RuleFileSyntax? Parse(string path, string text, List<RuleDiagnostic> diagnostics, YamlLimits? limits = null)
    {
        var root = YamlFrontEnd.Parse(path, text, limits ?? YamlLimits.Default, diagnostics);
        var parser = new RuleFileParser(path, diagnostics);
        if (root is null)
        {
            if (!diagnostics.Any(d => d.IsError))
            {
                diagnostics.Add(Descriptors.MissingKey.Create(SourceSpan.FileStart(path), "Rule file is empty; it needs at least 'ruleset: <name>'."));
            }

            return null;
        }

        return parser.ParseFile(root);
    }

    private RuleFileSyntax? ParseFile(YamlNode root)
    {
        if (root is YamlScalar { IsNull: true })
        {
            _diagnostics.Add(Descriptors.MissingKey.Create(root.Span, "Rule file is empty; it needs at least 'ruleset: <name>'."));
            return null;
        }

        if (root is not YamlMapping mapping)
        {
            WrongType(root, "a mapping with 'ruleset' and rule sections");
            return null;
        }

        var keys = ReadKeys(mapping, TopLevelKeys, "a rule file");
        NameSyntax? ruleset = null;
        if (keys.TryGetValue("ruleset", out var rulesetNode))
        {
            ruleset = ParseRulesetName(rulesetNode.Value);
        }
        else
        {
            _diagnostics.Add(Descriptors.MissingKey.Create(mapping.Span.Slice(0, 1), "Rule file has no 'ruleset' key; add 'ruleset: <name>' so its rules join a ruleset."));
        }

        return new RuleFileSyntax(
            _path,
            ruleset,
            ParseNamedMap(keys, "registers", ParseRegister),
            ParseNamedMap(keys, "controls", ParseControl),
            ParseNamedMap(keys, "combinations", ParseCombination),
            ParseNamedMap(keys, "conditions", ParseCondition),
            ParseList(keys, "traps", ParseTrap),
            ParseNamedMap(keys, "fine_grained", ParseFineGrainedGroup),
            ParseList(keys, "fine_grained_traps", ParseFineGrainedTrap),
            ParseSysRegs(keys));
    }

    private NameSyntax? ParseRulesetName(YamlNode node)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            WrongType(node, "the ruleset's name, e.g. 'ruleset: linux-6.6'");
            return null;
        }

        if (!Regex.IsMatch(scalar.Value, "^[A-Za-z0-9_.+-]+$"))
        {
            _diagnostics.Add(Descriptors.InvalidName.Create(scalar.Span, $"Ruleset name '{scalar.Value}' may hold only letters, digits and '_', '.', '+', '-'."));
            return null;
        }

        return new NameSyntax(scalar.Value, scalar.Span);
    }

    // ---- generic shapes ------------------------------------------------------------------

    /// <summary>Reads a mapping's keys, reporting unknown and repeated keys.</summary>
    private Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> ReadKeys(YamlMapping mapping, string[] allowed, string what)
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

    /// <summary>A section that maps names to definitions (registers, controls, …).</summary>
    private EquatableArray<T> ParseNamedMap<T>(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> keys, string section, Func<NameSyntax, YamlNode, T?> parseOne)
        where T : class
    {
        if (!keys.TryGetValue(section, out var entry) || entry.Value is YamlScalar { IsNull: true })
        {
            return EquatableArray<T>.Empty;
        }

        if (entry.Value is not YamlMapping mapping)
        {
            WrongType(entry.Value, $"a mapping of names to definitions under '{section}'");
            return EquatableArray<T>.Empty;
        }

        var items = new List<T>();
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        foreach (var definition in mapping.Entries)
        {
            if (seen.TryGetValue(definition.Key.Value, out var first))
            {
                _diagnostics.Add(Descriptors.DuplicateDefinition.Create(definition.Key.Span,
                    $"'{definition.Key.Value}' is defined twice under '{section}' (first at {first.Span.ToDisplayString()}); remove or rename one.", first.Span));
                continue;
            }

            seen.Add(definition.Key.Value, definition.Key);
            var name = section == "sysregs" ? new NameSyntax(definition.Key.Value, definition.Key.Span) : ParseDefinitionName(definition.Key);
            if (name is null)
            {
                continue;
            }

            var item = parseOne(name, definition.Value);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items.ToEquatableArray();
    }

    private EquatableArray<T> ParseList<T>(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> keys, string section, Func<YamlNode, T?> parseOne)
        where T : class
    {
        if (!keys.TryGetValue(section, out var entry) || entry.Value is YamlScalar { IsNull: true })
        {
            return EquatableArray<T>.Empty;
        }

        if (entry.Value is not YamlSequence sequence)
        {
            WrongType(entry.Value, $"a list of entries under '{section}'");
            return EquatableArray<T>.Empty;
        }

        var items = new List<T>();
        foreach (var node in sequence.Items)
        {
            var item = parseOne(node);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items.ToEquatableArray();
    }

    private NameSyntax? ParseDefinitionName(YamlScalar key)
    {
        if (!IdentifierPattern.IsMatch(key.Value))
        {
            _diagnostics.Add(Descriptors.InvalidName.Create(key.Span,
                $"'{key.Value}' is not a valid name; names start with a letter or '_' and hold only letters, digits and '_'."));
            return null;
        }

        return new NameSyntax(key.Value, key.Span);
    }

    private NameSyntax? ParseNameReference(YamlNode node, string what)
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

    private NumberSyntax? ParseNumber(YamlNode node, string what)
    {
        if (node is YamlScalar { IsPlain: true } scalar && IntegerLiteral.TryParse(scalar.Value, out ulong value))
        {
            return new NumberSyntax(value, scalar.Span);
        }

        WrongType(node, what);
        return null;
    }

    private int? ParseBitPosition(YamlNode node, string what)
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
    private (int Hi, int Lo)? ParseBitOrRange(YamlNode node, string what)
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

    private void WrongType(YamlNode node, string expected) =>
        _diagnostics.Add(Descriptors.WrongValueType.Create(node.Span, $"Expected {expected}, but found {node.Describe()}."));

    private void Missing(YamlMapping mapping, string owner, string key, string example) =>
        _diagnostics.Add(Descriptors.MissingKey.Create(mapping.Span.Slice(0, 1), $"{owner} has no '{key}'; add it, e.g. {example}."));

    private YamlMapping? ExpectMapping(YamlNode node, string what)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        WrongType(node, what);
        return null;
    }
}
