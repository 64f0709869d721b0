using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using NvTrap.Compiler.Schema;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>The shipped schemas are valid draft 2020-12 schemas, and explain every key they hold.</summary>
public class SchemaDocumentTests
{
    public static TheoryData<string> Schemas => new(ShippedSchemas.All.Select(s => s.FileName));

    private static SchemaValidator Validator(string fileName) => fileName == ShippedSchemas.Rules.FileName ? SchemaValidator.Rules : SchemaValidator.VmProfile;

    [Theory]
    [MemberData(nameof(Schemas))]
    public void The_schema_is_valid_under_the_draft_2020_12_meta_schema(string fileName)
    {
        var text = Validator(fileName).Text;
        var results = MetaSchemas.Draft202012.Evaluate(JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        var root = JsonNode.Parse(text)!;
        Assert.Equal(SchemaGenerator.Draft, (string?)root["$schema"]);
        Assert.Equal(ShippedSchemas.All.Single(s => s.FileName == fileName).Id, (string?)root["$id"]);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_property_and_definition_has_a_description(string fileName)
    {
        var root = JsonNode.Parse(Validator(fileName).Text)!.AsObject();
        var missing = new List<string>();
        void Check(JsonNode? node, string where)
        {
            if (node is not JsonObject schema || string.IsNullOrWhiteSpace((string?)schema["description"]))
            {
                missing.Add(where);
            }
        }

        Check(root, "(root)");
        foreach (var (name, definition) in root["$defs"]!.AsObject())
        {
            Check(definition, $"$defs/{name}");
        }

        foreach (var (path, properties) in Descendants(root).Where(p => p.Key.EndsWith("/properties", StringComparison.Ordinal) || p.Key.EndsWith("/patternProperties", StringComparison.Ordinal)))
        {
            foreach (var (name, property) in properties.AsObject())
            {
                Check(property, $"{path}/{name}");
            }
        }

        Assert.True(missing.Count == 0, "no description: " + string.Join(", ", missing));
    }

    /// <summary>Every object under the schema with its JSON path.</summary>
    private static IEnumerable<KeyValuePair<string, JsonObject>> Descendants(JsonObject node, string path = "")
    {
        foreach (var (name, child) in node)
        {
            string at = $"{path}/{name}";
            if (child is JsonObject obj)
            {
                yield return new(at, obj);
                foreach (var inner in Descendants(obj, at))
                {
                    yield return inner;
                }
            }
            else if (child is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item)
                    {
                        foreach (var inner in Descendants(item, $"{at}/{i}"))
                        {
                            yield return inner;
                        }
                    }
                }
            }
        }
    }
}
