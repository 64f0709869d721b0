using NvTrap.Compiler.Schema;
using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>
/// Every YAML file NvTrap ships validates against its schema, and names it on its first line so
/// an editor with the YAML language server picks it up without any setting.
/// </summary>
public class ShippedFileValidationTests
{
    private const string Modeline = "# yaml-language-server: $schema=";

    /// <summary>Every rule file of rules/ (both rulesets) and samples/.</summary>
    public static TheoryData<string> RuleFiles => new(RuleFilePaths);

    /// <summary>Every VM profile of samples/vm.</summary>
    public static TheoryData<string> VmProfiles => new(VmProfilePaths);

    private static IEnumerable<string> RuleFilePaths => Files("*.nvtrap.yaml", "rules", "samples");

    private static IEnumerable<string> VmProfilePaths => Files("*.yaml", Path.Combine("samples", "vm"));

    private static IEnumerable<string> Files(string pattern, params string[] folders) =>
        folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, f), pattern, SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Both_rulesets_and_the_samples_are_covered()
    {
        var files = RuleFilePaths.ToList();
        Assert.Contains(files, f => f.StartsWith("rules/linux-6.6/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("rules/linux-7.1/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("samples/", StringComparison.Ordinal));
        Assert.NotEmpty(VmProfilePaths);
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void A_shipped_rule_file_validates_and_names_the_rules_schema(string file)
    {
        AssertNamesSchema(file, ShippedSchemas.Rules);
        var errors = SchemaValidator.Rules.Validate(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)));
        Assert.True(errors.Count == 0, $"{file}:\n{string.Join("\n", errors.Take(20))}");
    }

    [Theory]
    [MemberData(nameof(VmProfiles))]
    public void A_shipped_vm_profile_validates_and_names_the_vm_schema(string file)
    {
        AssertNamesSchema(file, ShippedSchemas.VmProfile);
        var errors = SchemaValidator.VmProfile.Validate(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)));
        Assert.True(errors.Count == 0, $"{file}:\n{string.Join("\n", errors.Take(20))}");
    }

    /// <summary>The first line is the modeline, and its relative path leads to the schema in docs/schema.</summary>
    private static void AssertNamesSchema(string file, ShippedSchema schema)
    {
        string first = File.ReadLines(Path.Combine(RepositoryPaths.Root, file)).FirstOrDefault() ?? string.Empty;
        Assert.True(first.StartsWith(Modeline, StringComparison.Ordinal), $"{file} does not start with '{Modeline}<relative path to {ShippedSchemas.Folder}/{schema.FileName}>'");
        string target = first.Substring(Modeline.Length).Trim();
        Assert.False(Path.IsPathRooted(target), $"{file}: the schema path should be relative, so the modeline works in any checkout");
        string resolved = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, Path.GetDirectoryName(file)!, target));
        Assert.Equal(Path.GetFullPath(Path.Combine(RepositoryPaths.Root, ShippedSchemas.Folder, schema.FileName)), resolved);
    }
}
