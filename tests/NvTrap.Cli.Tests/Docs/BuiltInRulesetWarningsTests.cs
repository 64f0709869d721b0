using System.Text.RegularExpressions;
using NvTrap.Cli.Tests.Infrastructure;
using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Docs;

/// <summary>
/// What <c>nvtrap check</c> reports on the built-in rulesets, pinned: each warning by file, place
/// and id, and the whole output as docs/linux-6.6.md and docs/linux-7.1.md print it. A check that
/// starts to fire on either ruleset, or stops firing on a mistake the kernel really made, fails
/// here (the runtime's build turns the 6.6 ruleset's two ids off, so only this sees the rest).
/// </summary>
public partial class BuiltInRulesetWarningsTests
{
    public static TheoryData<string, string[]> Expected => new()
    {
        {
            "linux-6.6",
            [
                // DBGWCR15_EL1 left out of its family: fixed in the kernel by 9d46e83a7239.
                "rules/linux-6.6/traps/debug.nvtrap.yaml(36,7): warning NVT075",
                // SPSR_EL2 and ELR_EL2 in the hole cut for SP_EL1: fixed in the kernel by c948a0a2f5dc.
                "rules/linux-6.6/traps/nested-virt.nvtrap.yaml(9,29): warning NVT077",
            ]
        },
        { "linux-7.1", [] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Check_reports_exactly_the_pinned_warnings(string ruleset, string[] expected)
    {
        var lines = Check(ruleset);
        Assert.Equal(expected, lines[..^1].Select(l => l[..l.IndexOf(':', l.IndexOf(" warning ", StringComparison.Ordinal))]));
        Assert.Matches($@"^checked \d+ files, 1 ruleset \({Regex.Escape(ruleset)}\): 0 errors, {expected.Length} warnings?$", lines[^1]);
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void The_rulesets_page_prints_what_check_prints(string ruleset, string[] expected)
    {
        string page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", ruleset + ".md")).Replace("\r\n", "\n");
        string command = $"$ nvtrap check rules/{ruleset}\n";
        var block = Fence().Matches(page).Select(m => m.Groups["text"].Value).SingleOrDefault(b => b.StartsWith(command, StringComparison.Ordinal));
        Assert.True(block is not null, $"docs/{ruleset}.md has no text block starting with '{command.TrimEnd()}'");
        Assert.Equal(expected.Length + 1, block!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Equal(block[command.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries), Check(ruleset));
    }

    /// <summary>The tool's output on the ruleset's files, with their folder spelt as in the repository.</summary>
    private static string[] Check(string ruleset)
    {
        string folder = TestPaths.LinuxRulesOf(ruleset);
        var result = Tool.Run("check", folder);
        Assert.Equal(0, result.ExitCode);
        return result.OutputLines.Select(l => l.Replace(folder + Path.DirectorySeparatorChar, $"rules/{ruleset}/").Replace('\\', '/')).ToArray();
    }

    [GeneratedRegex(@"^```text\n(?<text>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
