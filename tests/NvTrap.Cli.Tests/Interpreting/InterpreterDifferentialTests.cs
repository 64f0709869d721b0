using System.Diagnostics;
using NvTrap.Testing;
using NvTrap.Testing.Reference;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>
/// The interpreter against the generated Linux66Traps on the Linux ruleset, and both against the
/// Linux 6.6 kernel oracle (<see cref="Linux66Reference"/>, which shares nothing with NvTrap's
/// compiler): the same random cases as the runtime's differential test (<see cref="Linux66Cases"/>:
/// half configured encodings, half the whole 16-bit space; registers all-zero, all-one, dense or
/// sparse; both directions; varied EL and nesting; a fixed seed). Generated and interpreted
/// decisions are compared whole (reason, group, member, fine-grained bit, filter); under the
/// default profile the outcome must also be the kernel's, and under a random VM profile, which
/// 6.6 cannot express, generated and interpreted must still agree.
/// </summary>
public class InterpreterDifferentialTests : IClassFixture<LinuxRulesFixture>
{
    private const int Seed = 20261125;
    private const int Cases = 1_000_000;

    private static readonly Linux66Reference Kernel = new();

    private readonly LinuxRulesFixture _linux;

    public InterpreterDifferentialTests(LinuxRulesFixture linux) => _linux = linux;

    [Fact]
    public void Interpreted_and_generated_rules_number_registers_and_groups_alike()
    {
        Assert.Equal(Linux66Traps.GroupCount, _linux.Handle.GroupCount);
        RulesAgreement.SameNumbering(default(Linux66Traps.Rules).Names, _linux.Rules.Names, Linux66Traps.GroupCount);
    }

    [Fact]
    public void Interpreted_tables_are_byte_for_byte_the_generated_ones() =>
        RulesAgreement.SameTables(default(Linux66Traps.Rules), _linux.Rules);

    [Fact]
    public void Interpreted_and_generated_names_agree_on_every_encoding() =>
        RulesAgreement.SameNamesOnEveryEncoding(default(Linux66Traps.Rules).Names, _linux.Rules.Names);

    [Fact]
    public void Generated_interpreted_and_kernel_decide_alike_on_a_million_cases()
    {
        var cases = new Linux66Cases(Seed, Kernel);
        var random = cases.Random;
        var generated = default(Linux66Traps.Rules);
        var interpreted = _linux.Rules;
        var reasons = new int[Enum.GetValues<DecisionReason>().Length];
        var mismatches = new List<string>();
        int mismatchCount = 0, forwarded = 0, byCondition = 0, withKernel = 0;
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < Cases; i++)
        {
            cases.Next();
            var state = cases.State();
            var esr = new Esr(cases.EsrValue);
            TrapDecision expected, actual;
            string? problem = null, profile = null;
            if (random.Next(2) == 0)
            {
                // The default profile: a full-featured VM, which is all Linux 6.6 knows. All three
                // must agree, the generated code and the interpreter on the whole decision.
                withKernel++;
                var kernel = Linux66Cases.Outcome(Kernel.Decide(cases.Vcpu, cases.EsrValue));
                expected = TrapEngine.Decide(generated, state, esr);
                actual = TrapEngine.Decide(interpreted, state, esr);
                if (expected.Outcome != kernel)
                {
                    problem = $"kernel {kernel}, generated {expected}";
                }
            }
            else
            {
                // A random VM profile: hidden fine-grained bits (FGU) and reserved bits of the
                // sanitised registers. 6.6 has neither, so the kernel oracle has nothing to say;
                // the generated code and the interpreter must still agree on the whole decision.
                var generatedVm = Linux66Traps.DefaultVm();
                var interpretedVm = VmProfile.Defaults(interpreted);
                profile = RandomVmProfile.Draw(random, default(Linux66Traps.Rules).Names, ref generatedVm, ref interpretedVm);
                expected = TrapEngine.Decide(generated, state, generatedVm, esr);
                actual = TrapEngine.Decide(interpreted, state, interpretedVm, esr);
            }

            if (expected != actual)
            {
                problem = (problem is null ? "" : problem + "; ") + $"generated {expected}, interpreted {actual}";
            }

            if (problem is not null && mismatchCount++ < 10)
            {
                mismatches.Add($"case {i}: {cases}{(profile is null ? " (default profile)" : " profile: " + profile)}: {problem}"
                    + $"\n{Linux66Traps.Explain(state, esr)}");
            }

            reasons[(int)expected.Reason]++;
            forwarded += expected.Forward ? 1 : 0;
            byCondition += expected.Reason == DecisionReason.CoarseTrap && RuleTables.KindOf(generated, expected.Member) == RuleGroupKind.Condition ? 1 : 0;
        }

        string counts = string.Join(", ", Enum.GetValues<DecisionReason>().Select(r => $"{r} {reasons[(int)r]}"));
        Assert.True(mismatchCount == 0, $"{mismatchCount} of {Cases} cases (seed {Seed}) disagree; the first:\n" + string.Join("\n", mismatches));

        // The mix must exercise both outcomes, the conditions and every reason the 6.6 rules can
        // give, or the comparison proves little. 6.6 has no host-EL0 test, so never that one.
        Assert.InRange(forwarded, Cases / 20, Cases - (Cases / 20));
        Assert.True(byCondition > 100, $"only {byCondition} decisions came from a condition");
        Assert.InRange(withKernel, Cases * 2 / 5, Cases * 3 / 5);
        foreach (var (reason, least) in new[]
        {
            (DecisionReason.NotSysRegTrap, 1_000),
            (DecisionReason.NoConfiguration, 10_000),
            (DecisionReason.FeatureHidden, 1_000),
            (DecisionReason.NoNestedVirtualization, 10_000),
            (DecisionReason.HypervisorContext, 10_000),
            (DecisionReason.FineGrainedTrap, 1_000),
            (DecisionReason.CoarseTrap, 10_000),
            (DecisionReason.NotTrapped, 10_000),
        })
        {
            Assert.True(reasons[(int)reason] >= least, $"only {reasons[(int)reason]} decisions for {reason} (want {least}); {counts}");
        }

        Assert.Equal(0, reasons[(int)DecisionReason.HostEl0NotForwarded]);
        Console.WriteLine($"{Cases} cases, {withKernel} of them against Linux66Reference, in {stopwatch.Elapsed.TotalSeconds:F1} s: {counts}");
    }

    [Fact]
    public void Interpreter_explains_as_the_generated_code_for_every_configured_encoding()
    {
        var random = new Random(Seed + 1);
        var generated = default(Linux66Traps.Rules);
        foreach (var encoding in Linux66Traps.ConfiguredEncodings())
        {
            var state = VcpuState.NestedGuestAtEl1;
            for (int r = 0; r < Linux66Traps.RegisterCount; r++)
            {
                state[r] = RandomRegisters.Next(random);
            }

            foreach (bool isRead in new[] { true, false })
            {
                var esr = Esr.ForSysRegAccess(encoding, isRead);
                string expected = TrapExplainer.Explain(generated, state, esr).ToString();
                string actual = TrapExplainer.Explain(_linux.Rules, state, esr).ToString();
                Assert.Equal(expected, actual);
            }
        }
    }
}
