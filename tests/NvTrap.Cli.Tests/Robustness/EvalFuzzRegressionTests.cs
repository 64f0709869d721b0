using NvTrap.Fuzz;

namespace NvTrap.Cli.Tests.Robustness;

/// <summary>
/// Replays, on every test run, each input the afl-fuzz eval target ever failed on
/// (fuzz/regressions/eval) and its seed corpus (fuzz/corpus/eval) through the `nvtrap eval` runner
/// over the built-in ruleset, as the harness does (<see cref="EvalTarget"/>): no exception, exit
/// code 0 or 1. See fuzz/README.md.
/// </summary>
public class EvalFuzzRegressionTests
{
    /// <summary>
    /// Regression inputs that still fail on the current code, each replayed by its own skipped
    /// test below and left out of <see cref="Inputs"/>. When the bug is fixed, delete the entry and
    /// its skipped test: the theory then replays the input with the others.
    /// </summary>
    private static readonly string[] Pending =
    [
    ];

    private static string FuzzRoot => Path.Combine(NvTrap.Testing.RepositoryPaths.Root, "fuzz");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "regressions/eval", "corpus/eval" })
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
    public void Input_is_decided_or_reported_without_an_exception(string input) => Replay(input);

    [Fact]
    public void Pending_inputs_exist()
    {
        foreach (string name in Pending)
        {
            Assert.True(File.Exists(Path.Combine(FuzzRoot, name)), $"{name} is listed as pending but is not in fuzz/");
        }
    }

    [Fact]
    public void The_sample_is_decided_without_a_malformed_row()
    {
        // The seed corpus starts from samples/eval/accesses.tsv, which is all good rows.
        Assert.Equal(0, EvalTarget.Run(File.ReadAllBytes(Path.Combine(FuzzRoot, "corpus/eval/accesses.tsv"))));
    }

    private static void Replay(string name) => EvalTarget.Run(File.ReadAllBytes(Path.Combine(FuzzRoot, name)));
}
