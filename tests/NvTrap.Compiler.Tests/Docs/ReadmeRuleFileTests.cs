using System.Text.RegularExpressions;
using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Docs;

/// <summary>
/// The rule file README.md shows under "A rule file" is the first one a reader copies, so it must
/// compile as it stands with no diagnostic at all: a warning there teaches that warnings are normal.
/// </summary>
public partial class ReadmeRuleFileTests
{
    [Fact]
    public void The_readmes_example_rule_file_compiles_with_no_diagnostics()
    {
        string yaml = ExampleRuleFile();
        var compilation = Rules.Compile(("README.md.nvtrap.yaml", yaml));

        Assert.True(compilation.Diagnostics.Count == 0, "README.md's example rule file has diagnostics:\n" + string.Join('\n', compilation.Diagnostics));
        Assert.NotNull(compilation.Find("my-hypervisor")?.Lowered);
    }

    /// <summary>The first ```yaml block after the "## A rule file" heading.</summary>
    private static string ExampleRuleFile()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n");
        var section = Section().Match(readme);
        Assert.True(section.Success, "README.md has no '## A rule file' section");
        var block = YamlBlock().Match(readme, section.Index);
        Assert.True(block.Success, "README.md shows no ```yaml block under '## A rule file'");
        return block.Groups["yaml"].Value;
    }

    [GeneratedRegex(@"^## A rule file\s*$", RegexOptions.Multiline)]
    private static partial Regex Section();

    [GeneratedRegex(@"```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
