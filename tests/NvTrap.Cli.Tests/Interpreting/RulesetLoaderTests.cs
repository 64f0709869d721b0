using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>What <c>--rules</c> does with rules it cannot use: located messages and exit code 1, never a crash.</summary>
public class RulesetLoaderTests
{
    [Fact]
    public void A_csharp_only_condition_cannot_be_interpreted_and_is_located()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("custom.nvtrap.yaml", """
            ruleset: custom
            registers:
              R_EL2: { fields: { A: 0 } }
            conditions:
              MY_CHECK:
                forward: read
                csharp: IsMyCheckTrapped
            traps:
              - { group: MY_CHECK, sysreg: S3_0_C1_C0_0 }
            """);

        foreach (string command in new[] { "table", "groups", "eval", "decode" })
        {
            string[] args = command == "decode" ? [command, "0x62300860", "--rules", path] : [command, "--rules", path];
            var result = Tool.RunWithInput("esr\n0x62300860\n", args);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Output);
            Assert.Equal(
                [
                    $"{path}(7,13): error NVT082: Condition 'MY_CHECK' is written in C# (csharp: IsMyCheckTrapped), which only generated code can run; to interpret these rules (nvtrap --rules), write it as a 'when:' expression.",
                    $"nvtrap: ruleset 'custom' in {path} cannot be interpreted (1 C#-only condition).",
                ],
                result.ErrorLines);
        }

        var explain = Tool.Run("explain", "--esr", "0x62300860", "--rules", path);
        Assert.Equal(1, explain.ExitCode);
        Assert.Contains("error NVT082: Condition 'MY_CHECK' is written in C#", explain.Error);
    }

    [Fact]
    public void Rules_with_errors_are_listed_and_refused()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("bad.nvtrap.yaml", """
            ruleset: bad
            controls:
              C: { register: NOPE_EL2, mask: 1, value: 1, forward: any }
            """);

        var result = Tool.Run("table", "--rules", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains(result.ErrorLines, l => l.StartsWith($"{path}(3,", StringComparison.Ordinal) && l.Contains(": error NVT010: ", StringComparison.Ordinal));
        Assert.EndsWith($"fix them and run again ('nvtrap check {directory.Path}' lists them).", result.ErrorLines[^1]);
    }

    [Fact]
    public void Two_rulesets_in_one_path_are_refused()
    {
        using var directory = new TempDirectory();
        MiniRuleset.WriteTo(directory);
        directory.Write("other/other.nvtrap.yaml", MiniRuleset.Text.Replace("ruleset: mini", "ruleset: other"));

        var result = Tool.Run("groups", "--rules", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"nvtrap: --rules {directory.Path} holds 2 rulesets (mini, other); point it at the files of one ruleset."], result.ErrorLines);
    }

    [Fact]
    public void A_missing_rules_path_is_reported()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-nvtrap-rules-dir");

        var result = Tool.Run("explain", "--esr", "0x62300860", "--rules", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"nvtrap: --rules {missing}: no such file or folder."], result.ErrorLines);
    }

    [Fact]
    public void A_file_too_large_to_be_a_rule_file_is_refused_without_being_read()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "huge.nvtrap.yaml");
        using (var stream = File.Create(path))
        {
            // Sparse: the length is what matters, and the loader must not read it.
            stream.SetLength(64L * 1024 * 1024);
        }

        var result = Tool.Run("check", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{path}(1,1): error NVT007: Rule file is larger than 50,331,648 bytes; the limit is 16,777,216 characters.", result.OutputLines[0]);
    }
}
