using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Schema;

/// <summary>
/// Turns a file's <see cref="KeyTable"/> into a JSON Schema (draft 2020-12) for editors: every
/// key with its description, the values each takes, required keys and keys that exclude each
/// other. Every value kind and every mapping kind is one definition under <c>$defs</c>, written
/// in the order first used, so the text is stable for the test that compares it with docs/schema.
/// </summary>
internal sealed class SchemaGenerator
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private static readonly string[] FieldNames = { "op0", "op1", "CRn", "CRm", "op2" };
    private static readonly int[] FieldMaxima = { 3, 7, 15, 15, 7 };

    private readonly List<KeyValuePair<string, OrderedJsonObject>> _definitions = new();
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

    private SchemaGenerator()
    {
    }

    public static string Generate(ShippedSchema schema)
    {
        var generator = new SchemaGenerator();
        var root = new OrderedJsonObject()
            .Add("$schema", Draft)
            .Add("$id", schema.Id)
            .Add("title", schema.Title);
        foreach (var member in generator.Table(schema.Root).Members)
        {
            root.Add(member.Key, member.Value);
        }

        var definitions = new OrderedJsonObject();
        foreach (var definition in generator._definitions)
        {
            definitions.Add(definition.Key, definition.Value);
        }

        root.Add("$defs", definitions);
        return JsonText.Write(root);
    }

    /// <summary>A mapping of a table's kind: its keys, what must be given, and nothing else.</summary>
    private OrderedJsonObject Table(KeyTable table)
    {
        var properties = new OrderedJsonObject();
        foreach (var key in table.Keys)
        {
            properties.Add(key.Name, Value(key.Value, key.Description));
        }

        var schema = new OrderedJsonObject()
            .Add("description", table.Description)
            .Add("type", "object")
            .Add("properties", properties);
        var required = table.Keys.Where(k => k.Required).Select(k => (object)k.Name).ToArray();
        if (required.Length > 0)
        {
            schema.Add("required", required);
        }

        if (table.MinimumKeys > 0 && table.Placeholder is null)
        {
            schema.Add("minProperties", table.MinimumKeys);
        }

        if (table.Alternatives.Count > 0)
        {
            schema.Add("oneOf", table.Alternatives.Select(a => (object)Alternative(table, a)).ToArray());
        }

        if (table.Placeholder is { } placeholder)
        {
            // The one key the entry names itself: anything but the table's keys, exactly once.
            schema.Add("additionalProperties", Value(placeholder.Value, placeholder.Description));
            schema.Add("minProperties", System.Math.Max(table.MinimumKeys, required.Length + 1));
            schema.Add("maxProperties", table.Keys.Count + 1);
        }
        else
        {
            schema.Add("additionalProperties", false);
        }

        return schema;
    }

    /// <summary>One way of a set that excludes the others: all its keys, none of theirs.</summary>
    private static OrderedJsonObject Alternative(KeyTable table, IReadOnlyList<string> keys)
    {
        var others = table.Alternatives.SelectMany(a => a).Where(k => !keys.Contains(k)).Distinct().ToList();
        string description = $"With {string.Join(" and ", keys.Select(k => $"'{k}'"))}"
            + (others.Count == 0 ? "." : $", and without {string.Join(" or ", others.Select(k => $"'{k}'"))}.");
        var schema = new OrderedJsonObject()
            .Add("description", description)
            .Add("required", keys.Select(k => (object)k).ToArray());
        if (others.Count > 0)
        {
            schema.Add("not", new OrderedJsonObject().Add("anyOf", others.Select(k => (object)new OrderedJsonObject().Add("required", new object[] { k })).ToArray()));
        }

        return schema;
    }

    /// <summary>The schema of a key's value, carrying the key's own description.</summary>
    private OrderedJsonObject Value(ValueShape shape, string description)
    {
        var schema = new OrderedJsonObject().Add("description", description);
        switch (shape)
        {
            case ScalarShape scalar:
                return schema.Add("$ref", Reference(scalar));
            case ChoiceShape choice:
                return schema.Add("$ref", Reference(choice));
            case ObjectShape obj:
                string reference = Reference(obj.Table);
                return obj.Nullable
                    ? schema.Add("anyOf", new object[] { new OrderedJsonObject().Add("$ref", reference), Null() })
                    : schema.Add("$ref", reference);
            case ListShape list:
                return schema
                    .Add("type", Types("array", list.Nullable))
                    .Add("items", Value(list.Items, list.ItemDescription));
            case MapShape map:
                var patterns = new OrderedJsonObject();
                foreach (var entry in map.Entries)
                {
                    patterns.Add(NamePattern(entry.Name), Value(entry.Value, entry.Description));
                }

                return schema
                    .Add("type", Types("object", map.Nullable))
                    .Add("propertyNames", map.Entries.Count == 1
                        ? new OrderedJsonObject().Add("$ref", Reference(map.Entries[0].Name))
                        : new OrderedJsonObject().Add("anyOf", map.Entries.Select(e => (object)new OrderedJsonObject().Add("$ref", Reference(e.Name))).ToArray()))
                    .Add("patternProperties", patterns)
                    .Add("additionalProperties", false);
            default:
                throw new ArgumentException($"No schema for a {shape.GetType().Name}.", nameof(shape));
        }
    }

    private static object Types(string type, bool nullable) => nullable ? new object[] { type, "null" } : type;

    private static OrderedJsonObject Null() => new OrderedJsonObject().Add("type", "null");

    private static string NamePattern(ScalarShape name) => name.Form switch
    {
        ScalarForm.FamilyName => LanguagePatterns.FamilyName,
        _ => LanguagePatterns.Identifier,
    };

    private string Reference(KeyTable table) => Define(table.DefinitionName, () => Table(table));

    private string Reference(ChoiceShape choice) => Define(choice.DefinitionName, () => new OrderedJsonObject()
        .Add("description", choice.Description + " " + string.Join(" ", choice.Words.Select(w => $"'{w.Key}': {w.Value}")))
        .Add("type", "string")
        .Add("enum", choice.Words.Select(w => (object)w.Key).ToArray()));

    private string Reference(ScalarShape scalar) => Define(scalar.DefinitionName, () =>
    {
        var schema = new OrderedJsonObject().Add("description", scalar.Description);
        foreach (var member in Body(scalar.Form).Members)
        {
            schema.Add(member.Key, member.Value);
        }

        return schema;
    });

    /// <summary>Registers a definition the first time it is used; its body may use further definitions, which follow it.</summary>
    private string Define(string name, Func<OrderedJsonObject> build)
    {
        if (_defined.Add(name))
        {
            int at = _definitions.Count;
            _definitions.Add(new KeyValuePair<string, OrderedJsonObject>(name, new OrderedJsonObject()));
            _definitions[at] = new KeyValuePair<string, OrderedJsonObject>(name, build());
        }

        return "#/$defs/" + name;
    }

    /// <summary>How each of the language's values is written, as schema keywords (the description is added by the caller).</summary>
    private OrderedJsonObject Body(ScalarForm form)
    {
        switch (form)
        {
            case ScalarForm.Integer:
                return new OrderedJsonObject().Add("anyOf", new object[]
                {
                    new OrderedJsonObject().Add("type", "integer").Add("minimum", 0),
                    LiteralString(),
                });
            case ScalarForm.Bit:
                return SmallInteger(63);
            case ScalarForm.BitOrRange:
                return new OrderedJsonObject().Add("anyOf", new object[]
                {
                    new OrderedJsonObject().Add("$ref", Reference(LanguageValues.Bit)),
                    Pair(LanguageValues.Bit, "hi, the highest bit of the range.", "lo, the lowest bit of the range (at most hi)."),
                });
            case ScalarForm.BitMask:
                return new OrderedJsonObject().Add("anyOf", new object[]
                {
                    new OrderedJsonObject().Add("$ref", Reference(LanguageValues.Integer)),
                    new OrderedJsonObject().Add("type", "array").Add("items", new OrderedJsonObject().Add("$ref", Reference(LanguageValues.BitOrRange))),
                });
            case ScalarForm.FieldBits:
                return new OrderedJsonObject().Add("anyOf", new object[]
                {
                    new OrderedJsonObject().Add("$ref", Reference(LanguageValues.Integer)),
                    new OrderedJsonObject().Add("$ref", Reference(LanguageValues.Name)),
                    new OrderedJsonObject().Add("type", "array").Add("items", new OrderedJsonObject().Add("$ref", Reference(LanguageValues.Name))),
                });
            case ScalarForm.Name:
                return NameString(LanguagePatterns.Identifier);
            case ScalarForm.DefinitionName:
                // "null" in any of YAML's spellings would read as no value where the name is used.
                return NameString(LanguagePatterns.Identifier).Add("not", new OrderedJsonObject().Add("enum", new object[] { "null", "Null", "NULL" }));
            case ScalarForm.FamilyName:
                return NameString(LanguagePatterns.FamilyName);
            case ScalarForm.RulesetName:
                return new OrderedJsonObject().Add("anyOf", new object[]
                {
                    new OrderedJsonObject().Add("type", "string").Add("pattern", LanguagePatterns.RulesetName),
                    new OrderedJsonObject()
                        .Add("description", "A name YAML reads as a number or a boolean (7, 7.1): the compiler reads the text as written.")
                        .Add("type", new object[] { "number", "boolean" }),
                });
            case ScalarForm.Expression:
                // Written plain, a literal or true/false reads as a number or a boolean; the compiler reads its text.
                return new OrderedJsonObject()
                    .Add("type", new object[] { "string", "integer", "boolean" })
                    .Add("minLength", 1)
                    .Add("pattern", LanguagePatterns.ExpressionCharacters);
            case ScalarForm.Encoding:
                var fields = new object[5];
                for (int i = 0; i < 5; i++)
                {
                    var field = SmallInteger(FieldMaxima[i]);
                    fields[i] = new OrderedJsonObject().Add("description", $"{FieldNames[i]}, 0..{FieldMaxima[i]}.").Add("anyOf", field.Members[0].Value);
                }

                return new OrderedJsonObject().Add("anyOf", new object[]
                {
                    new OrderedJsonObject()
                        .Add("description", "The generic name S<op0>_<op1>_C<CRn>_C<CRm>_<op2>, each field in range (S3_0_C1_C0_0).")
                        .Add("type", "string")
                        .Add("pattern", LanguagePatterns.GenericEncoding),
                    new OrderedJsonObject()
                        .Add("description", "A name from the catalogue ('sysregs'). A name shaped like a generic name is read as one, never looked up.")
                        .Add("type", "string")
                        .Add("pattern", LanguagePatterns.Identifier)
                        .Add("not", new OrderedJsonObject().Add("pattern", LanguagePatterns.GenericEncodingShape)),
                    new OrderedJsonObject()
                        .Add("description", "The five fields [op0, op1, CRn, CRm, op2].")
                        .Add("type", "array")
                        .Add("prefixItems", fields)
                        .Add("minItems", 5)
                        .Add("items", false),
                });
            case ScalarForm.EncodingRange:
                return Pair(LanguageValues.Encoding, "The first encoding of the range.", "The last encoding of the range, not before the first.");
            case ScalarForm.FamilyEncoding:
                var expressions = new object[5];
                for (int i = 0; i < 5; i++)
                {
                    expressions[i] = new OrderedJsonObject()
                        .Add("description", $"{FieldNames[i]} (0..{FieldMaxima[i]}): an integer, or an expression of the family's variable.")
                        .Add("$ref", Reference(LanguageValues.Expression));
                }

                return new OrderedJsonObject().Add("type", "array").Add("prefixItems", expressions).Add("minItems", 5).Add("items", false);
            case ScalarForm.IndexRange:
                return new OrderedJsonObject().Add("type", "string").Add("pattern", LanguagePatterns.IndexRange);
            case ScalarForm.FineGrainedBit:
                return new OrderedJsonObject().Add("type", "string").Add("pattern", LanguagePatterns.FineGrainedBit);
            case ScalarForm.Flag:
                return new OrderedJsonObject().Add("type", "boolean");
            default:
                throw new ArgumentOutOfRangeException(nameof(form), form, "A value with no schema.");
        }
    }

    /// <summary>An integer 0..max: a number, or a literal YAML itself reads as a string.</summary>
    private static OrderedJsonObject SmallInteger(int max) => new OrderedJsonObject().Add("anyOf", new object[]
    {
        new OrderedJsonObject().Add("type", "integer").Add("minimum", 0).Add("maximum", max),
        LiteralString(),
    });

    /// <summary>
    /// An integer literal as a string. YAML reads 0b1010 and 1_000 as strings, where the compiler
    /// reads integers; quoted, any literal is a string to both (the compiler then rejects it).
    /// </summary>
    private static OrderedJsonObject LiteralString() => new OrderedJsonObject()
        .Add("description", "An integer literal YAML reads as a string (0b1010, 0xFFFF_0000); write it plain, not quoted.")
        .Add("type", "string")
        .Add("pattern", LanguagePatterns.IntegerLiteral);

    private static OrderedJsonObject NameString(string pattern) => new OrderedJsonObject()
        .Add("type", "string")
        .Add("pattern", pattern)
        .Add("maxLength", YamlShapeParser.MaxNameLength);

    /// <summary>A list of exactly two values of one shape.</summary>
    private OrderedJsonObject Pair(ScalarShape item, string first, string second) => new OrderedJsonObject()
        .Add("type", "array")
        .Add("prefixItems", new object[]
        {
            new OrderedJsonObject().Add("description", first).Add("$ref", Reference(item)),
            new OrderedJsonObject().Add("description", second).Add("$ref", Reference(item)),
        })
        .Add("minItems", 2)
        .Add("items", false);
}
