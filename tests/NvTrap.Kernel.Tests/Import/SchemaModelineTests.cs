using NvTrap.Compiler.Schema;
using NvTrap.Kernel.Import;
using NvTrap.Kernel.Tests.Infrastructure;
using NvTrap.Testing;

namespace NvTrap.Kernel.Tests.Import;

/// <summary>
/// Imported rule files name the rule-file schema on their first line, as the files of rules/ do,
/// with a path that leads to it from where they are written.
/// </summary>
public class SchemaModelineTests
{
    private static ImportedRuleset Imported()
    {
        using var tree = Fixtures.Tree(Fixtures.Tables, Fixtures.Overlay);
        var result = KernelImporter.Import(new ImportRequest(tree.Root, tree.PathOf("overlay.yaml"), Array.Empty<string>(), TempTree.ReadFile));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.ToDisplayString())));
        return result.Ruleset!;
    }

    private static string FirstLine(string text) => text.Substring(0, text.IndexOf('\n'));

    [Fact]
    public void By_default_each_file_reaches_the_checkout_schema_from_its_own_folder()
    {
        var written = RulesetWriter.Write(Imported());
        Assert.NotEmpty(written.Files);
        foreach (var (path, text) in written.Files)
        {
            string ups = string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));
            Assert.Equal($"# yaml-language-server: $schema={ups}../../docs/schema/nvtrap-rules.schema.json", FirstLine(text));
        }
    }

    [Fact]
    public void An_address_is_written_as_it_is_in_every_file()
    {
        var written = RulesetWriter.Write(Imported(), ShippedSchemas.Rules.Id);
        Assert.All(written.Files.Values, text => Assert.Equal($"# yaml-language-server: $schema={ShippedSchemas.Rules.Id}", FirstLine(text)));
    }

    [Fact]
    public void Kernel_lines_still_follow_the_lines_they_belong_to()
    {
        // The modeline is a line of the file like any other: the recorded origins count it.
        var written = RulesetWriter.Write(Imported());
        foreach (var (path, origins) in written.Origins)
        {
            Assert.DoesNotContain(1, origins.Keys);
            var lines = written.Files[path].Split('\n');
            foreach (var (line, location) in origins)
            {
                if (lines[line - 1].Contains("  # ", StringComparison.Ordinal) && lines[line - 1].Contains(".c:", StringComparison.Ordinal))
                {
                    Assert.Contains($"{location.Path}:{location.Line}", lines[line - 1]);
                }
            }
        }
    }

    [Fact]
    public void Inside_a_checkout_the_schema_is_a_relative_path_and_elsewhere_its_address()
    {
        Assert.Equal("../../docs/schema/nvtrap-rules.schema.json", RuleSchemaLocation.For(Path.Combine(RepositoryPaths.Root, "rules", "linux-7.1")));
        Assert.Equal("../../../docs/schema/nvtrap-rules.schema.json", RuleSchemaLocation.For(Path.Combine(RepositoryPaths.Root, "rules", "new", "nested")));
        using var elsewhere = new TempTree();
        Assert.Equal(ShippedSchemas.Rules.Id, RuleSchemaLocation.For(Path.Combine(elsewhere.Root, "rules", "linux-7.1")));
    }
}
