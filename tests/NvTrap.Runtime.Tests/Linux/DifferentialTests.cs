using System.Diagnostics;
using NvTrap.Testing;
using NvTrap.Testing.Reference;

namespace NvTrap.Runtime.Tests.Linux;

/// <summary>
/// The generated Linux66Traps against <see cref="Linux66Reference"/>, the Linux 6.6
/// __check_nv_sr_forward restated from the kernel source over tables extracted from it (it
/// shares nothing with NvTrap's compiler), on a million random cases (<see cref="Linux66Cases"/>:
/// encodings half from the oracle's configured set and half from the whole 16-bit space; register
/// values all-zero, all-one, dense or sparse; HCR_EL2 with TGE in one case in eight; EL 0, 1 or
/// 2; with and without nested virtualization; both directions; a fixed seed). The generated code
/// decides once with the ruleset as its own profile and once with <c>DefaultVm()</c>: both must
/// be the kernel's answer.
/// </summary>
public class DifferentialTests
{
    public const int Seed = 20261125;
    private const int Cases = 1_000_000;

    private static readonly Linux66Reference Kernel = new();

    [Fact]
    public void Generated_Decide_matches_the_Linux_66_oracle_on_a_million_cases()
    {
        var cases = new Linux66Cases(Seed, Kernel);
        var vm = Linux66Traps.DefaultVm();
        var mismatches = new List<string>();
        int mismatchCount = 0, forwarded = 0;
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < Cases; i++)
        {
            cases.Next();
            var expected = Linux66Cases.Outcome(Kernel.Decide(cases.Vcpu, cases.EsrValue));
            var state = cases.State();
            var esr = new Esr(cases.EsrValue);
            var actual = Linux66Traps.Decide(state, esr);
            var withVm = Linux66Traps.Decide(state, vm, esr);
            if (actual.Outcome != expected || withVm != actual)
            {
                if (mismatchCount++ < 10)
                {
                    mismatches.Add($"case {i}: {cases}: kernel {expected}, generated {actual}"
                        + (withVm != actual ? $", with DefaultVm() {withVm}" : "")
                        + $"\n{Linux66Traps.Explain(state, esr)}");
                }
            }

            forwarded += expected == TrapOutcome.Forward ? 1 : 0;
        }

        Assert.True(mismatchCount == 0, $"{mismatchCount} of {Cases} cases (seed {Seed}) differ from the kernel oracle; the first:\n" + string.Join("\n", mismatches));

        // The mix must exercise both outcomes substantially, or the comparison proves little.
        Assert.InRange(forwarded, Cases / 20, Cases - (Cases / 20));
        Console.WriteLine($"{Cases} cases against Linux66Reference in {stopwatch.Elapsed.TotalSeconds:F1} s; {forwarded} forwarded");
    }
}
