using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using NvTrap.Compiler.Schema;
using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>One schema violation: where in the document (a JSON pointer) and what.</summary>
internal sealed record SchemaError(string Location, string Keyword, string Message)
{
    public override string ToString() => $"{(Location.Length == 0 ? "/" : Location)}: {Keyword}: {Message}";
}

/// <summary>
/// A shipped schema, read from docs/schema as users get it, and run by a real validator
/// (JsonSchema.Net) over YAML converted by <see cref="YamlToJson"/>.
/// </summary>
internal sealed class SchemaValidator
{
    public static readonly SchemaValidator Rules = new(ShippedSchemas.Rules);
    public static readonly SchemaValidator VmProfile = new(ShippedSchemas.VmProfile);

    private readonly JsonSchema _schema;

    private SchemaValidator(ShippedSchema shipped)
    {
        Path = System.IO.Path.Combine(RepositoryPaths.Root, ShippedSchemas.Folder, shipped.FileName);
        Text = File.ReadAllText(Path);
        // A registry of its own: the global one refuses a second schema with the same $id.
        _schema = JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    public string Path { get; }

    public string Text { get; }

    public IReadOnlyList<SchemaError> Validate(string yaml) => Validate(YamlToJson.Convert(yaml));

    public IReadOnlyList<SchemaError> Validate(JsonNode? document)
    {
        var element = JsonSerializer.SerializeToElement(document);
        var results = _schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => new SchemaError(d.InstanceLocation.ToString(), e.Key, e.Value)))
            .ToList();
        return errors.Count > 0 ? errors : [new SchemaError(string.Empty, "(none)", "invalid, with no error detail")];
    }
}
