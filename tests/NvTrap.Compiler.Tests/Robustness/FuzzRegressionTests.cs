using NvTrap.Fuzz;

namespace NvTrap.Compiler.Tests.Robustness;

/// <summary>
/// Replays, on every test run, each input the afl-fuzz rules target ever failed on
/// (fuzz/regressions/rules) and its seed corpus (fuzz/corpus/rules), with the harness's own checks
/// (<see cref="RulesTarget"/>): no exception, no NVT090, every diagnostic inside the file, and the
/// emitter runs on whatever compiles. See fuzz/README.md.
/// </summary>
public class FuzzRegressionTests
{
    /// <summary>
    /// Regression inputs that still fail on the current code, each replayed by its own skipped
    /// test below and left out of <see cref="Inputs"/>. When the bug is fixed, delete the entry and
    /// its skipped test: the theory then replays the input with the others.
    /// </summary>
    private static readonly string[] Pending = [];

    private static string FuzzRoot => Path.Combine(NvTrap.Testing.RepositoryPaths.Root, "fuzz");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "regressions/rules", "corpus/rules" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(FuzzRoot, folder)).Order(StringComparer.Ordinal))
            {
                string name = folder + "/" + Path.GetFileName(file);
                if (Path.GetFileName(file) != "README.md" && !Pending.Contains(name))
                {
                    data.Add(name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_compiles_to_located_diagnostics_without_a_compiler_failure(string input) => Replay(input);

    [Fact]
    public void Pending_inputs_exist_and_the_replay_reaches_the_emitter()
    {
        foreach (string name in Pending)
        {
            Assert.True(File.Exists(Path.Combine(FuzzRoot, name)), $"{name} is listed as pending but is not in fuzz/");
        }

        // The merged Linux ruleset in the seed corpus compiles without errors, so the emitter is
        // part of every replay; if it ever stops compiling, the corpus no longer covers emitting.
        var compilation = RulesTarget.Run(File.ReadAllBytes(Path.Combine(FuzzRoot, "corpus/rules/linux-merged.nvtrap.yaml")));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
    }

    [Fact]
    public void Line_count_follows_yaml_line_breaks()
    {
        Assert.Equal(1, RulesTarget.CountLines(""));
        Assert.Equal(2, RulesTarget.CountLines("a\n"));
        Assert.Equal(3, RulesTarget.CountLines("a\r\nb\rc"));
        Assert.Equal(4, RulesTarget.CountLines("a\u0085b\u2028c\u2029"));
    }

    // YamlDotNet throws ArgumentException (not YamlException) while building a tag or decoding an
    // escape; these once surfaced as NVT090 at (1,1). They are a located NVT001 now.
    [Theory]
    [InlineData("regressions/rules/nvt090-tag-not-a-uri.nvtrap.yaml")]
    [InlineData("regressions/rules/nvt090-tag-empty.nvtrap.yaml")]
    [InlineData("regressions/rules/nvt090-escape-beyond-unicode.nvtrap.yaml")]
    public void An_exception_from_inside_the_yaml_parser_is_a_located_syntax_error(string name)
    {
        var compilation = RulesTarget.Run(File.ReadAllBytes(Path.Combine(FuzzRoot, name)));
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal("NVT001", diagnostic.Id);
        Assert.Contains("YAML syntax error", diagnostic.Message);
    }

    private static void Replay(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FuzzRoot, name));
        RulesTarget.Run(bytes);
    }
}
