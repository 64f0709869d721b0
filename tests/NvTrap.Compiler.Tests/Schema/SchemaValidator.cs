using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using NvTrap.Compiler.Schema;
using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Schema;

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
        var results = _schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<SchemaError>();
        Collect(results, errors);
        return errors.Count > 0 ? errors : [new SchemaError(string.Empty, "(none)", "invalid, with no error detail")];
    }

    /// <summary>
    /// The errors of a failing node and of the failing subschemas that made it fail. A branch of an
    /// anyOf that failed while another held, a oneOf branch beside the one that held, or the inside
    /// of a 'not' (which holds when its inside fails) is no error of the document: the walk skips
    /// them, so each error is where an editor would underline.
    /// </summary>
    private static void Collect(EvaluationResults node, List<SchemaError> errors)
    {
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add(new SchemaError(node.InstanceLocation.ToString(), keyword, message));
        }

        var children = node.Details ?? [];
        string Applicator(EvaluationResults child) =>
            child.EvaluationPath.ToString().Substring(node.EvaluationPath.ToString().Length).Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        foreach (var group in children.GroupBy(Applicator))
        {
            int held = group.Count(c => c.IsValid);
            bool passed = group.Key switch
            {
                "anyOf" => held > 0,
                "oneOf" => held == 1,
                "not" => held == 0,
                _ => false,
            };
            if (passed)
            {
                continue;
            }

            if (group.Key is "not" || (group.Key is "oneOf" && held > 1))
            {
                // Failed because a subschema held (a 'not', or two branches of a oneOf): the validator
                // records no message for that, so say it here, at the value.
                errors.Add(new SchemaError(node.InstanceLocation.ToString(), group.Key, group.Key == "not" ? "the value is one it must not be" : "more than one alternative holds"));
                continue;
            }

            foreach (var child in group.Where(c => !c.IsValid))
            {
                Collect(child, errors);
            }
        }
    }
}
