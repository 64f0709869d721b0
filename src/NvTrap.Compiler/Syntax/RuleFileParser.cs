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
internal sealed partial class RuleFileParser : YamlShapeParser
{
    private static readonly Regex FamilyNamePattern = new(LanguagePatterns.FamilyName, RegexOptions.CultureInvariant);
    private static readonly Regex FineGrainedBitPattern = new(LanguagePatterns.FineGrainedBitParts, RegexOptions.CultureInvariant);
    private static readonly Regex RulesetNamePattern = new(LanguagePatterns.RulesetName, RegexOptions.CultureInvariant);

    /// <summary>The five encoding fields as messages name them (their ranges are <see cref="EncodingLayout.FieldMaxima"/>).</summary>
    internal static readonly string[] EncodingFieldNames = { "op0", "op1", "CRn", "CRm", "op2" };

    // Where the five fields of a generic encoding name were found (reused: one parser reads one file).
    private readonly int[] _fieldStarts = new int[5];
    private readonly int[] _fieldLengths = new int[5];

    private RuleFileParser(string path, List<RuleDiagnostic> diagnostics)
        : base(path, diagnostics)
    {
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

        var keys = ReadKeys(mapping, RuleFileKeys.File, "a rule file");
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
            ParseSysRegs(keys),
            keys.TryGetValue("context", out var context) ? ParseContext(context.Value) : null,
            ParseNamedMap(keys, "parameters", ParseParameter),
            ParseNamedMap(keys, "filters", ParseFilter),
            ParseList(keys, "fine_grained_non_sysreg", ParseNonSysregBit));
    }

    private NameSyntax? ParseRulesetName(YamlNode node)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            WrongType(node, "the ruleset's name, e.g. 'ruleset: linux-6.6'");
            return null;
        }

        if (!RulesetNamePattern.IsMatch(scalar.Value))
        {
            _diagnostics.Add(Descriptors.InvalidName.Create(scalar.Span, $"Ruleset name '{DiagnosticText.Quote(scalar.Value)}' may hold only letters, digits and '_', '.', '+', '-'."));
            return null;
        }

        return new NameSyntax(scalar.Value, scalar.Span);
    }

    // ---- sections ------------------------------------------------------------------------

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
                    $"'{DiagnosticText.Quote(definition.Key.Value)}' is defined twice under '{section}' (first at {first.Span.ToDisplayString()}); remove or rename one.", first.Span));
                continue;
            }

            seen.Add(definition.Key.Value, definition.Key);
            var name = section != "sysregs" ? ParseDefinitionName(definition.Key)
                : NameWithinLimit(definition.Key) ? new NameSyntax(definition.Key.Value, definition.Key.Span) : null;
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
}
