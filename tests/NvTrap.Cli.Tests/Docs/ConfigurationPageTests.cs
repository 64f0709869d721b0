using System.Text.RegularExpressions;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Docs;

/// <summary>docs/configuration.md lists exactly the diagnostics whose severity can be configured: every warning.</summary>
public partial class ConfigurationPageTests
{
    [Fact]
    public void The_configurable_table_lists_every_warning_and_nothing_else()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "configuration.md"));
        var listed = Row().Matches(page).Select(m => (m.Groups["id"].Value, m.Groups["title"].Value.Trim())).ToList();
        var warnings = Descriptors.All.Where(d => d.Severity == RuleSeverity.Warning).Select(d => (d.Id, d.Title)).ToList();

        Assert.Equal(warnings.OrderBy(w => w.Id, StringComparer.Ordinal), listed.OrderBy(l => l.Item1, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| \[(?<id>NVT\d{3})\]\(diagnostics/NVT\d{3}\.md\) \| warning \| (?<title>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
