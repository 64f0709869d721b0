using System.Text.Json.Nodes;
using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Checking;

/// <summary>
/// <c>nvtrap check</c> reports each diagnostic at the level the build would: global config
/// (<c>.globalconfig</c>, or <c>is_global</c>) in the rule files' folders and above, merged by
/// global_level; not .editorconfig sections (noted on stderr); errors never lowered; and
/// <c>--severity</c> over all of it. GeneratorTests' SeverityConfigurationBuildTests holds the
/// same configuration against a real build.
/// </summary>
public class CheckSeverityTests
{
    /// <summary>An unknown group (NVT012, an error), an unused control (NVT070), an unused filter (NVT073) and an unused parameter (NVT074).</summary>
    internal const string Rules = """
        ruleset: sev
        registers:
          HCR_EL2: { fields: { TVM: 26, TRVM: 30 } }
        parameters:
          N: { default: 0, range: 0..1 }
        filters:
          FX: "HCR_EL2.TVM"
        controls:
          HCR_TVM: { register: HCR_EL2, mask: TVM, value: TVM, forward: write }
          HCR_TRVM: { register: HCR_EL2, mask: TRVM, value: TRVM, forward: read }
        traps:
          - { group: HCR_TVM, sysreg: S3_0_C1_C0_0 }
          - { group: HCR_TMV, sysreg: S3_0_C2_C0_0 }
        """;

    private static (TempDirectory Directory, string Rules) Project()
    {
        var directory = new TempDirectory();
        directory.Write("project/rules/sev.nvtrap.yaml", Rules);
        return (directory, Path.Combine(directory.Path, "project", "rules"));
    }

    /// <summary>Each printed diagnostic as "NVT0xx level" and the summary line.</summary>
    private static (string[] Levels, string Summary) Levels(CliResult result) =>
        (result.OutputLines[..^1].Select(l => System.Text.RegularExpressions.Regex.Match(l, @": (\w+) (NVT\d{3}):")).Select(m => $"{m.Groups[2].Value} {m.Groups[1].Value}").Order(StringComparer.Ordinal).ToArray(), result.OutputLines[^1]);

    [Fact]
    public void Without_configuration_each_diagnostic_has_its_own_severity()
    {
        var (directory, rules) = Project();
        using var _ = directory;

        var result = Tool.Run("check", rules);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["NVT012 error", "NVT070 warning", "NVT073 warning", "NVT074 warning"], Levels(result).Levels);
        Assert.Equal("checked 1 file, 1 ruleset (sev): 1 error, 3 warnings", Levels(result).Summary);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void A_globalconfig_above_the_rule_files_raises_lowers_and_silences_warnings()
    {
        var (directory, rules) = Project();
        using var _ = directory;
        directory.Write(".globalconfig", """
            # comments and other analyzers' keys are fine
            dotnet_diagnostic.NVT070.severity = error
            dotnet_diagnostic.nvt073.severity = suggestion ; inline comment
            DOTNET_DIAGNOSTIC.NVT074.SEVERITY = none
            dotnet_diagnostic.CA1000.severity = none
            """);

        var result = Tool.Run("check", rules);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["NVT012 error", "NVT070 error", "NVT073 info"], Levels(result).Levels);
        Assert.Equal("checked 1 file, 1 ruleset (sev): 2 errors, 0 warnings, 1 info message", Levels(result).Summary);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("silent")]
    [InlineData("none")]
    public void Silent_and_none_are_not_reported_in_any_format(string level)
    {
        var (directory, rules) = Project();
        using var _ = directory;
        directory.Write("project/.globalconfig", $"dotnet_diagnostic.NVT070.severity = {level}\n");

        var text = Tool.Run("check", rules);
        var json = Tool.Run("check", rules, "--format", "json");
        var sarif = Tool.Run("check", rules, "--format", "sarif");

        Assert.DoesNotContain("NVT070", text.Output);
        Assert.DoesNotContain("NVT070", json.Output);
        Assert.DoesNotContain("NVT070", sarif.Output);
        Assert.Equal(3, JsonNode.Parse(json.Output)!["diagnostics"]!.AsArray().Count);
    }

    [Fact]
    public void A_suggestion_is_info_in_json_and_a_note_in_sarif_and_fails_nothing()
    {
        using var directory = new TempDirectory();
        directory.Write("rules/ok.nvtrap.yaml", "ruleset: ok\nregisters:\n  R: { fields: { A: 0 } }\ncontrols:\n  C: { register: R, mask: A, value: A, forward: any }\n  UNUSED: { register: R, mask: A, value: 0, forward: any }\ntraps:\n  - { group: C, sysreg: S3_0_C1_C0_0 }\n");
        string rules = Path.Combine(directory.Path, "rules");

        var text = Tool.Run("check", rules, "--severity", "NVT070=suggestion");
        var json = Tool.Run("check", rules, "--severity", "NVT070=suggestion", "--format", "json");
        var sarif = Tool.Run("check", rules, "--severity", "NVT070=suggestion", "--format", "sarif");

        Assert.Equal([0, 0, 0], new[] { text.ExitCode, json.ExitCode, sarif.ExitCode });
        Assert.Matches(@"ok\.nvtrap\.yaml\(6,3\): info NVT070: Group 'UNUSED' is never used", text.OutputLines[0]);
        Assert.Equal("checked 1 file, 1 ruleset (ok): 0 errors, 0 warnings, 1 info message", text.OutputLines[^1]);
        var root = JsonNode.Parse(json.Output)!;
        Assert.Equal("info", (string?)root["diagnostics"]![0]!["severity"]);
        Assert.Equal(1, (int)root["counts"]!["info"]!);
        Assert.Equal("note", (string?)JsonNode.Parse(sarif.Output)!["runs"]![0]!["results"]![0]!["level"]);
    }

    [Fact]
    public void Errors_cannot_be_lowered_by_a_config_file_which_is_noted()
    {
        var (directory, rules) = Project();
        using var _ = directory;
        string config = directory.Write(".globalconfig", "dotnet_diagnostic.NVT012.severity = none\ndotnet_diagnostic.NVT070.severity = error\n");

        var result = Tool.Run("check", rules);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["NVT012 error", "NVT070 error", "NVT073 warning", "NVT074 warning"], Levels(result).Levels);
        string note = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"nvtrap check: note: {config}: dotnet_diagnostic.NVT012.severity = none: ignored, by the build too: NVT012 is an error, and for a ruleset with an error the build emits only a stand-in that configures no trap, so errors cannot be lowered. Only warnings can be configured (NVT070, NVT071, ", note);
        Assert.EndsWith(").", note);
    }

    [Theory]
    [InlineData("NVT012=warning")]
    [InlineData("NVT012=none")]
    [InlineData("nvt001=silent")]
    public void Errors_cannot_be_lowered_on_the_command_line(string setting)
    {
        var (directory, rules) = Project();
        using var _ = directory;

        var result = Tool.Run("check", rules, "--severity", setting);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("is an error, and for a ruleset with an error the build emits only a stand-in that configures no trap, so it cannot be lowered", result.Error);
    }

    [Fact]
    public void The_command_line_wins_over_config_files_and_default_restores_a_severity()
    {
        var (directory, rules) = Project();
        using var _ = directory;
        directory.Write(".globalconfig", "dotnet_diagnostic.NVT070.severity = none\ndotnet_diagnostic.NVT073.severity = error\n");

        var result = Tool.Run("check", rules, "--severity", "NVT070=error", "--severity", "nvt073=default", "--severity", "NVT074=suggestion", "--severity", "NVT012=error");

        Assert.Equal(["NVT012 error", "NVT070 error", "NVT073 warning", "NVT074 info"], Levels(result).Levels);
    }

    [Theory]
    [InlineData("NVT070", "give an id and a level, as --severity NVT070=error.")]
    [InlineData("=error", "give an id and a level, as --severity NVT070=error.")]
    [InlineData("NVT70=error", "there is no diagnostic 'NVT70'; the closest ids are NVT070, NVT071, NVT072.")]
    [InlineData("NVT070=loud", "'loud' is not a level; the levels are none, silent, suggestion, warning, error (or default).")]
    public void A_malformed_severity_is_a_usage_error(string setting, string message)
    {
        var (directory, rules) = Project();
        using var _ = directory;

        var result = Tool.Run("check", rules, "--severity", setting);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"nvtrap check: --severity '{setting}': {message}"], result.ErrorLines);
    }

    [Fact]
    public void Editorconfig_sections_do_not_apply_to_rule_files_and_a_note_says_so()
    {
        var (directory, rules) = Project();
        using var _ = directory;
        string config = directory.Write("project/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.CS0168.severity = none

            [*.nvtrap.yaml]
            dotnet_diagnostic.NVT070.severity = error

            [*.{yml,json}]
            dotnet_diagnostic.NVT073.severity = error
            """);
        directory.Write(".editorconfig", "[*]\ndotnet_diagnostic.NVT074.severity = error\n");

        var result = Tool.Run("check", rules);

        Assert.Equal(["NVT012 error", "NVT070 warning", "NVT073 warning", "NVT074 warning"], Levels(result).Levels);
        // One note, for the section that matches the rule file; the [*] above is cut off by root = true.
        Assert.Equal([$"nvtrap check: note: {config}: [*.nvtrap.yaml] sets dotnet_diagnostic.NVT070.severity for {Path.Combine(rules, "sev.nvtrap.yaml")}, which is ignored, by the build too: Roslyn applies .editorconfig sections to C# files only, not to rule files (AdditionalFiles). Set it in a .globalconfig instead."], result.ErrorLines);
    }

    [Fact]
    public void A_setting_above_the_sections_of_a_plain_editorconfig_applies_to_nothing_and_a_note_says_so()
    {
        var (directory, rules) = Project();
        using var _ = directory;
        string config = directory.Write("project/.editorconfig", "dotnet_diagnostic.NVT070.severity = error\n");

        var result = Tool.Run("check", rules);

        Assert.Contains("NVT070 warning", Levels(result).Levels);
        Assert.Equal([$"nvtrap check: note: {config}: dotnet_diagnostic.NVT070.severity is set above the first [section] of a config file that is not a global config, where it applies to nothing, in the build too. Add 'is_global = true' at its top, or move it to a .globalconfig."], result.ErrorLines);
    }

    [Fact]
    public void An_editorconfig_with_is_global_is_a_global_config()
    {
        var (directory, rules) = Project();
        using var _ = directory;
        directory.Write("project/.editorconfig", "is_global = true\ndotnet_diagnostic.NVT070.severity = error\n");

        var result = Tool.Run("check", rules);

        Assert.Contains("NVT070 error", Levels(result).Levels);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Global_configs_merge_by_global_level_and_the_same_key_at_one_level_is_unset()
    {
        var (directory, rules) = Project();
        using var _ = directory;
        string outer = directory.Write(".globalconfig", "dotnet_diagnostic.NVT070.severity = none\ndotnet_diagnostic.NVT073.severity = none\n");
        string inner = directory.Write("project/rules/.globalconfig", "dotnet_diagnostic.NVT070.severity = error\n");
        directory.Write("project/levels.editorconfig.ignored", "not read: not a config file name");
        directory.Write("project/.editorconfig", "is_global = true\nglobal_level = 150\ndotnet_diagnostic.NVT073.severity = suggestion\n");

        var result = Tool.Run("check", rules);

        // NVT070: both .globalconfig files are level 100, so the key is unset (the warning stays);
        // NVT073: level 150 beats 100.
        Assert.Equal(["NVT012 error", "NVT070 warning", "NVT073 info", "NVT074 warning"], Levels(result).Levels);
        Assert.Equal([$"nvtrap check: note: dotnet_diagnostic.NVT070.severity is set by more than one global config at global_level 100 ({outer}, {inner}), so it is unset, as the build unsets it (warning MultipleGlobalAnalyzerKeys). Keep it in one file, or give one file a higher global_level."], result.ErrorLines);
    }

    [Fact]
    public void Path_sections_of_a_global_config_do_not_apply_to_rule_files_either()
    {
        var (directory, rules) = Project();
        using var _ = directory;
        string file = Path.Combine(rules, "sev.nvtrap.yaml");
        string config = directory.Write(".globalconfig", $"is_global = true\n[{file}]\ndotnet_diagnostic.NVT070.severity = error\n");

        var result = Tool.Run("check", rules);

        Assert.Contains("NVT070 warning", Levels(result).Levels);
        Assert.Equal([$"nvtrap check: note: {config}: [{file}] sets dotnet_diagnostic.NVT070.severity, which is ignored, by the build too: a global config's path sections apply to C# files only, not to rule files. Set it in the global section, above the first [section]."], result.ErrorLines);
    }

    [Fact]
    public void A_bad_severity_value_or_unknown_id_in_a_config_is_noted_and_ignored()
    {
        var (directory, rules) = Project();
        using var _ = directory;
        string config = directory.Write(".globalconfig", "dotnet_diagnostic.NVT070.severity = loud\ndotnet_diagnostic.NVT079.severity = error\n");

        var result = Tool.Run("check", rules);

        Assert.Contains("NVT070 warning", Levels(result).Levels);
        Assert.Equal(
            [
                $"nvtrap check: note: {config}: dotnet_diagnostic.NVT070.severity = loud: not a severity, so it is ignored, as the build ignores it (warning InvalidSeverityInAnalyzerConfig); the severities are none, silent, suggestion, warning, error (or default).",
                $"nvtrap check: note: {config}: dotnet_diagnostic.NVT079.severity = error: there is no diagnostic NVT079 (the ids are NVT001 to NVT102).",
            ],
            result.ErrorLines);
    }

    [Fact]
    public void Bulk_analyzer_keys_do_not_apply_as_the_build_does_not_apply_them_to_generator_diagnostics()
    {
        var (directory, rules) = Project();
        using var _ = directory;
        directory.Write(".globalconfig", "dotnet_analyzer_diagnostic.severity = error\ndotnet_analyzer_diagnostic.category-NvTrap.Usage.severity = none\n");

        var result = Tool.Run("check", rules);

        Assert.Equal(["NVT012 error", "NVT070 warning", "NVT073 warning", "NVT074 warning"], Levels(result).Levels);
    }

    [Fact]
    public void Help_lists_the_severity_option_and_where_configuration_is_read()
    {
        var result = Tool.Run("check", "--help");

        Assert.Contains("dotnet_diagnostic.NVT0xx.severity = none|silent|suggestion|warning|error in a .globalconfig", result.Output);
        Assert.Contains("--severity NVT0xx=LEVEL wins over the files", result.Output);
    }
}
