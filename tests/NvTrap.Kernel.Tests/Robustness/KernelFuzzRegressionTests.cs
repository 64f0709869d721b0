using NvTrap.Fuzz;

namespace NvTrap.Kernel.Tests.Robustness;

/// <summary>
/// Replays, on every test run, each input the afl-fuzz kernel target ever failed on
/// (fuzz/regressions/kernel) and its seed corpus (fuzz/corpus/kernel), with the harness's own
/// checks (<see cref="KernelTarget"/>): no exception, every import diagnostic inside a file of the
/// tree, rules written exactly when the import has no errors, and no NVT090 when they are compiled.
/// </summary>
public class KernelFuzzRegressionTests
{
    private static string FuzzRoot => Path.Combine(NvTrap.Testing.RepositoryPaths.Root, "fuzz");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "regressions/kernel", "corpus/kernel" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(FuzzRoot, folder)).Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(file) != "README.md")
                {
                    data.Add(folder + "/" + Path.GetFileName(file));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_imports_to_located_diagnostics_without_a_failure(string input) =>
        KernelTarget.Run(File.ReadAllBytes(Path.Combine(FuzzRoot, input)));

    [Fact]
    public void The_seed_kept_in_code_imports_and_compiles_so_every_phase_is_fuzzed()
    {
        // If the seed stopped importing, the fuzzer would start from inputs that never reach the
        // table readers, the rule writer or the compiler.
        var check = KernelTarget.Run(System.Text.Encoding.UTF8.GetBytes(KernelTarget.Seeds["fixture-tables.c"]));
        Assert.False(check.Import.HasErrors, string.Join("\n", check.Import.Diagnostics.Select(d => d.ToDisplayString())));
        Assert.NotNull(check.Compilation);
        Assert.False(check.Compilation!.HasErrors, string.Join("\n", check.Compilation.Diagnostics));
    }
}
