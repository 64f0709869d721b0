using NvTrap.Cli.DiagnosticPages;
using NvTrap.Cli.Tests.Infrastructure;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Commands;

/// <summary><c>nvtrap explain-diagnostic</c> and <c>check --explain</c>: every page ships in the tool and prints as plain text.</summary>
public class ExplainDiagnosticCommandTests
{
    public static TheoryData<string> Ids => new(Descriptors.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_has_its_page_built_into_the_tool_unchanged(string id)
    {
        string page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", id + ".md"));

        Assert.Equal(page, DiagnosticPageResources.Read(id + ".md"));

        var result = Tool.Run("explain-diagnostic", id);
        Assert.True(result.ExitCode == 0, result.ToString());
        string title = $"{id}: {Descriptors.All.Single(d => d.Id == id).Title}";
        Assert.Equal([title, new string('=', title.Length)], result.OutputLines[..2]);
        Assert.DoesNotContain("```", result.Output);
        // Marks are gone from the prose; code blocks (indented) keep every character.
        Assert.DoesNotContain(result.OutputLines, line => !line.StartsWith("    ", StringComparison.Ordinal) && line.Contains("**", StringComparison.Ordinal));
        Assert.Equal($"Online: {HelpLinks.For(id)}", result.OutputLines[^1]);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void A_page_prints_as_plain_text_with_its_headings_and_code_blocks()
    {
        var result = Tool.Run("explain-diagnostic", "NVT012");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutputLines;
        Assert.Equal("Severity: error · Category: NvTrap.Names", lines[3]);
        int example = Array.IndexOf(lines, "Example");
        Assert.True(example > 0, result.Output);
        Assert.Equal("-------", lines[example + 1]);
        // The rule file and the diagnostic, line for line, indented as code.
        Assert.Contains("    ruleset: example", lines);
        Assert.Contains("      - { group: HCR_TMV, sysreg: S3_0_C2_C0_0 }", lines);
        Assert.Contains("    example.nvtrap.yaml(8,14): error NVT012: Trap names group 'HCR_TMV', which is not defined. Did you mean 'HCR_TVM'? Define it under 'controls', 'combinations' or 'conditions'.", lines);
        // Links keep their text: another page by its id, inline code by its words.
        Assert.Contains("encodings get no entry. (An undefined member of a combination is NVT032.)", lines);
        Assert.Contains("Correct the name, or define the group under controls, combinations or conditions.", lines);
        Assert.Contains("How to fix", lines);
    }

    [Fact]
    public void A_table_prints_as_aligned_columns()
    {
        var result = Tool.Run("explain-diagnostic", "NVT007");

        Assert.Equal(0, result.ExitCode);
        // Every row's second column starts where the header's does, under a dashed rule as wide as each column.
        string header = Assert.Single(result.OutputLines, l => l.StartsWith("  limit ", StringComparison.Ordinal));
        string row = Assert.Single(result.OutputLines, l => l.StartsWith("  file length ", StringComparison.Ordinal));
        int column = header.IndexOf("value", StringComparison.Ordinal);
        Assert.Equal(column, row.IndexOf("16 MiB (16,777,216 characters)", StringComparison.Ordinal));
        string rule = result.OutputLines[Array.IndexOf(result.OutputLines, header) + 1];
        Assert.Matches("^  -+  -+$", rule);
        Assert.Equal(column, rule.LastIndexOf("  ", StringComparison.Ordinal) + 2);
        Assert.DoesNotContain("| limit |", result.Output);
    }

    [Fact]
    public void A_link_to_another_document_keeps_its_address()
    {
        var result = Tool.Run("explain-diagnostic", "NVT060");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"({HelpLinks.RepositoryUrl}/blob/main/docs/rules.md#expressions)", result.Output);
    }

    [Theory]
    [InlineData("nvt012")]
    [InlineData("Nvt012")]
    [InlineData(" NVT012")]
    public void The_id_is_read_ignoring_case(string id)
    {
        var result = Tool.Run("explain-diagnostic", id);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Tool.Run("explain-diagnostic", "NVT012").Output, result.Output);
    }

    [Theory]
    [InlineData("NVT13", "NVT013, NVT012 and NVT014")]
    [InlineData("NVT999", "NVT091, NVT090 and NVT009")]
    [InlineData("CS0103", "NVT102, NVT101 and NVT100")]
    public void An_unknown_id_is_a_usage_error_naming_the_closest_ids(string id, string closest)
    {
        var result = Tool.Run("explain-diagnostic", id);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal([$"nvtrap explain-diagnostic: there is no diagnostic '{id}'; the closest ids are {closest}. The ids are NVT001 to NVT102; each is listed in docs/diagnostics/README.md."], result.ErrorLines);
    }

    [Fact]
    public void No_id_is_a_usage_error()
    {
        var result = Tool.Run("explain-diagnostic");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Run 'nvtrap explain-diagnostic --help' for usage.", result.ErrorLines);
    }

    [Fact]
    public void Check_explain_is_the_same_command()
    {
        var result = Tool.Run("check", "--explain", "nvt070");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Tool.Run("explain-diagnostic", "NVT070").Output, result.Output);

        var unknown = Tool.Run("check", "--explain", "NVT7");
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("nvtrap check --explain: there is no diagnostic 'NVT7'; the closest ids are ", unknown.Error);
    }
}
