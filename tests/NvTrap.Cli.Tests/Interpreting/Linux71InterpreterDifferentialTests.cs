using System.Diagnostics;
using NvTrap.Testing;
using NvTrap.Testing.Reference;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>
/// Three ways to the Linux 7.1 decision: the generated Linux71Traps, the interpreter on
/// rules/linux-7.1 loaded as the CLI loads it, and the 7.1 kernel oracle
/// (<see cref="Linux71Reference"/>, which shares nothing with NvTrap's compiler). The random
/// cases are the runtime's 7.1 differential test's (<see cref="Linux71Cases"/>: half configured
/// encodings with the PMU counters and nXS TLBIs aimed at, half the whole 16-bit space; the 21
/// registers all-zero, all-one, dense or sparse; both directions; varied EL and nesting; a fixed
/// seed), four at a time for a VM (<see cref="Linux71Vm"/>): the full-featured one about half the
/// time, a random one (hidden fine-grained bits, RES0/RES1 masks, 0..31 PMU counters) otherwise.
/// Generated and interpreted decisions are compared whole (reason, group, member, fine-grained
/// group and bit, filter); the outcome must also be the kernel's, whatever the VM.
/// </summary>
public class Linux71InterpreterDifferentialTests : IClassFixture<Linux71RulesFixture>
{
    private const int Seed = 20260711;
    private const int Cases = 1_000_000;

    /// <summary>Each VM decides this many cases in a row, as a VM's profile stays put while its vCPUs trap.</summary>
    private const int CasesPerVm = 4;

    private static readonly Linux71Reference Kernel = new();

    private readonly Linux71RulesFixture _linux;

    public Linux71InterpreterDifferentialTests(Linux71RulesFixture linux) => _linux = linux;

    [Fact]
    public void Interpreted_and_generated_rules_number_registers_and_groups_alike()
    {
        Assert.Equal(Linux71Traps.GroupCount, _linux.Handle.GroupCount);
        RulesAgreement.SameNumbering(default(Linux71Traps.Rules).Names, _linux.Rules.Names, Linux71Traps.GroupCount);
    }

    [Fact]
    public void Interpreted_tables_are_byte_for_byte_the_generated_ones() =>
        RulesAgreement.SameTables(default(Linux71Traps.Rules), _linux.Rules);

    [Fact]
    public void Interpreted_and_generated_names_agree_on_every_encoding() =>
        RulesAgreement.SameNamesOnEveryEncoding(default(Linux71Traps.Rules).Names, _linux.Rules.Names);

    [Fact]
    public void Generated_interpreted_and_kernel_decide_alike_on_a_million_cases_and_random_VMs()
    {
        var cases = new Linux71Cases(Seed, Kernel);
        var random = cases.Random;
        var generated = default(Linux71Traps.Rules);
        var interpreted = _linux.Rules;
        var reasons = new int[Enum.GetValues<DecisionReason>().Length];
        var mismatches = new List<string>();
        int mismatchCount = 0, forwarded = 0, undefined = 0, byCondition = 0, withDefault = 0, filtered = 0, byHpmn = 0;
        var vm = Linux71Vm.Default;
        VmProfile generatedVm = default, interpretedVm = default;
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < Cases; i++)
        {
            if (i % CasesPerVm == 0)
            {
                // The same VM applied to each ruleset's own defaults, by the generated numbering
                // (which the interpreter shares, as checked above).
                vm = random.Next(2) == 0 ? Linux71Vm.Default : Linux71Vm.Random(random);
                generatedVm = Linux71Traps.DefaultVm();
                interpretedVm = VmProfile.Defaults(interpreted);
                vm.ApplyTo(ref generatedVm);
                vm.ApplyTo(ref interpretedVm);
            }

            cases.Next(vm.NrPmuCounters);
            var state = cases.State();
            var esr = new Esr(cases.EsrValue);
            var kernel = Linux71Cases.Outcome(Kernel.Decide(vm.Reference, cases.Vcpu, cases.EsrValue));
            TrapDecision expected, actual;
            if (vm.IsDefault)
            {
                // The full-featured VM: each ruleset is its own profile.
                withDefault++;
                expected = TrapEngine.Decide(generated, state, esr);
                actual = TrapEngine.Decide(interpreted, state, esr);
            }
            else
            {
                expected = TrapEngine.Decide(generated, state, generatedVm, esr);
                actual = TrapEngine.Decide(interpreted, state, interpretedVm, esr);
            }

            string? problem = null;
            if (expected.Outcome != kernel)
            {
                problem = $"kernel {kernel}, generated {expected}";
            }

            if (expected != actual)
            {
                problem = (problem is null ? "" : problem + "; ") + $"generated {expected}, interpreted {actual}";
            }

            if (problem is not null && mismatchCount++ < 10)
            {
                mismatches.Add($"case {i}: {cases} VM: {vm}: {problem}\n{Linux71Traps.Explain(state, generatedVm, esr)}");
            }

            reasons[(int)expected.Reason]++;
            forwarded += expected.Forward ? 1 : 0;
            undefined += expected.Outcome == TrapOutcome.Undefined ? 1 : 0;
            filtered += expected.Filter != 0 ? 1 : 0;
            byHpmn += expected.Member == Linux71Traps.Groups.MDCR_HPMN ? 1 : 0;
            byCondition += expected.Reason == DecisionReason.CoarseTrap && RuleTables.KindOf(generated, expected.Member) == RuleGroupKind.Condition ? 1 : 0;
        }

        double seconds = stopwatch.Elapsed.TotalSeconds;
        string counts = string.Join(", ", Enum.GetValues<DecisionReason>().Select(r => $"{r} {reasons[(int)r]}"));
        Assert.True(mismatchCount == 0, $"{mismatchCount} of {Cases} cases (seed {Seed}) disagree; the first:\n" + string.Join("\n", mismatches));

        // The mix must exercise every outcome, the conditions, the filter and every reason, or
        // the comparison proves little.
        Assert.InRange(forwarded, Cases / 20, Cases - (Cases / 20));
        Assert.True(undefined >= 1_000, $"only {undefined} undefined");
        Assert.True(byCondition > 1_000, $"only {byCondition} decisions came from a condition");
        Assert.True(byHpmn > 1_000, $"only {byHpmn} decisions came from MDCR_HPMN");
        Assert.True(filtered > 500, $"only {filtered} decisions with the nXS filter on");
        Assert.InRange(withDefault, Cases * 2 / 5, Cases * 3 / 5);
        foreach (var (reason, least) in new[]
        {
            (DecisionReason.NotSysRegTrap, 1_000),
            (DecisionReason.NoConfiguration, 10_000),
            (DecisionReason.FeatureHidden, 1_000),
            (DecisionReason.NoNestedVirtualization, 10_000),
            (DecisionReason.HypervisorContext, 10_000),
            (DecisionReason.FineGrainedTrap, 10_000),
            (DecisionReason.CoarseTrap, 10_000),
            (DecisionReason.NotTrapped, 10_000),
            (DecisionReason.HostEl0NotForwarded, 1_000),
        })
        {
            Assert.True(reasons[(int)reason] >= least, $"only {reasons[(int)reason]} decisions for {reason} (want {least}); {counts}");
        }

        Console.WriteLine($"{Cases} cases ({withDefault} full-featured VM), generated = interpreted = Linux71Reference, in {seconds:F1} s: {counts}; "
            + $"{byCondition} by a condition ({byHpmn} MDCR_HPMN), {filtered} filtered");
    }

    [Fact]
    public void Interpreter_explains_as_the_generated_code_for_every_configured_encoding()
    {
        var random = new Random(Seed + 1);
        var generated = default(Linux71Traps.Rules);
        foreach (var encoding in Linux71Traps.ConfiguredEncodings())
        {
            var state = VcpuState.NestedGuestAtEl1;
            for (int r = 0; r < Linux71Traps.RegisterCount; r++)
            {
                state[r] = RandomRegisters.Next(random);
            }

            var vm = random.Next(2) == 0 ? Linux71Vm.Default : Linux71Vm.Random(random);
            var generatedVm = Linux71Traps.DefaultVm();
            var interpretedVm = VmProfile.Defaults(_linux.Rules);
            vm.ApplyTo(ref generatedVm);
            vm.ApplyTo(ref interpretedVm);
            foreach (bool isRead in new[] { true, false })
            {
                var esr = Esr.ForSysRegAccess(encoding, isRead);
                string expected = TrapExplainer.Explain(generated, state, generatedVm, esr).ToString();
                string actual = TrapExplainer.Explain(_linux.Rules, state, interpretedVm, esr).ToString();
                Assert.Equal(expected, actual);
            }
        }
    }
}
