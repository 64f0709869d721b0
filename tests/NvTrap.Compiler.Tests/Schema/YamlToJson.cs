using System.Text.Json.Nodes;
using IntegerLiteral = NvTrap.Compiler.Syntax.IntegerLiteral;
using IntegerParse = NvTrap.Compiler.Syntax.IntegerParse;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>
/// Converts a YAML document to the JSON a schema validator checks, reading each scalar as the rule
/// compiler reads it: a plain integer literal (26, 0x1F, 0b101, 1_000) is a number, plain true and
/// false are booleans, plain empty, ~ and null are null, and everything else, and every quoted or
/// block scalar, is a string. So a file and its JSON mean the same to the compiler and the schema.
/// Anchors, aliases and tags, which rule files may not use, are refused rather than guessed at.
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count != 1)
        {
            throw new NotSupportedException($"A rule file holds one YAML document, not {stream.Documents.Count}.");
        }

        return Node(stream.Documents[0].RootNode);
    }

    private static JsonNode? Node(YamlNode node)
    {
        // The representation model resolves an alias to its anchored node, so refusing anchors refuses both.
        if (!node.Anchor.IsEmpty)
        {
            throw new NotSupportedException($"Anchors and aliases are not part of NvTrap files (at {node.Start}).");
        }

        if (!node.Tag.IsEmpty && node.Tag.Value != "!")
        {
            throw new NotSupportedException($"Tags are not part of NvTrap files (at {node.Start}).");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    string name = key is YamlScalarNode { Value: { } text } ? text : throw new NotSupportedException($"Keys are names, not collections (at {key.Start}).");
                    obj.Add(name, Node(value));
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Node(item));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar.Value ?? string.Empty, scalar.Style);
            default:
                throw new NotSupportedException($"Unexpected YAML node {node.GetType().Name}.");
        }
    }

    /// <summary>A scalar as the compiler reads it (YamlScalar.IsNull, IntegerLiteral, the true/false of a flag).</summary>
    internal static JsonNode? Scalar(string value, ScalarStyle style)
    {
        if (style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "false")
        {
            return JsonValue.Create(value == "true");
        }

        return IntegerLiteral.Parse(value, out ulong number) == IntegerParse.Ok ? JsonValue.Create(number) : JsonValue.Create(value);
    }
}
