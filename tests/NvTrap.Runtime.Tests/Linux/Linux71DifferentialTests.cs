using System.Diagnostics;
using NvTrap.Testing;
using NvTrap.Testing.Reference;

namespace NvTrap.Runtime.Tests.Linux;

/// <summary>
/// The generated Linux71Traps against <see cref="Linux71Reference"/>, the 7.1 kernel's
/// triage_sysreg_trap restated from the kernel source over tables extracted from it (it shares
/// nothing with NvTrap's compiler), on a million random cases (<see cref="Linux71Cases"/>:
/// encodings half from the oracle's configured set, with the PMU counters and the nXS TLBIs
/// aimed at, and half from the whole 16-bit space; the 21 registers the decision reads all-zero,
/// all-one, dense or sparse; HCR_EL2 with TGE in one case in eight; EL 0, 1 or 2; with and
/// without nested virtualization; both directions; a fixed seed), four at a time for a VM
/// (<see cref="Linux71Vm"/>): the full-featured one in about half the cases, a random one (hidden
/// fine-grained bits, RES0/RES1 masks, 0..31 PMU counters) in the others. The outcome (forward,
/// local, undefined) must be the kernel's; for the full-featured VM, deciding without a profile
/// and with <c>DefaultVm()</c> must also give the same whole decision.
/// </summary>
public class Linux71DifferentialTests
{
    public const int Seed = 20260711;
    private const int Cases = 1_000_000;

    /// <summary>Each VM decides this many cases in a row, as a VM's profile stays put while its vCPUs trap.</summary>
    private const int CasesPerVm = 4;

    private static readonly Linux71Reference Kernel = new();

    [Fact]
    public void Generated_Decide_matches_the_Linux_71_oracle_on_a_million_cases_and_random_VMs()
    {
        var cases = new Linux71Cases(Seed, Kernel);
        var random = cases.Random;
        var defaultVm = Linux71Traps.DefaultVm();
        var reasons = new int[Enum.GetValues<DecisionReason>().Length];
        var outcomes = new int[Enum.GetValues<TrapOutcome>().Length];
        var mismatches = new List<string>();
        int mismatchCount = 0, withDefault = 0, filtered = 0, nxsByFineGrained = 0;
        int byHpmn = 0, byHpmnInHostEl0 = 0, undefinedWithoutNv = 0;
        var pmu = new int[2, 2]; // [direct 0 / indirect 1, forwarded by MDCR_HPMN 1 / not trapped 0]
        var vm = Linux71Vm.Default;
        var profile = defaultVm;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < Cases; i++)
        {
            if (i % CasesPerVm == 0)
            {
                vm = random.Next(2) == 0 ? Linux71Vm.Default : Linux71Vm.Random(random);
                profile = vm.IsDefault ? defaultVm : vm.Generated();
            }

            cases.Next(vm.NrPmuCounters);
            var expected = Linux71Cases.Outcome(Kernel.Decide(vm.Reference, cases.Vcpu, cases.EsrValue));
            var state = cases.State();
            var esr = new Esr(cases.EsrValue);
            TrapDecision actual;
            string? problem = null;
            if (vm.IsDefault)
            {
                withDefault++;
                actual = Linux71Traps.Decide(state, profile, esr);
                var withoutProfile = Linux71Traps.Decide(state, esr);
                if (withoutProfile != actual)
                {
                    problem = $"without a profile {withoutProfile}, with DefaultVm() {actual}";
                }
            }
            else
            {
                actual = Linux71Traps.Decide(state, profile, esr);
            }

            if (actual.Outcome != expected)
            {
                problem = (problem is null ? "" : problem + "; ") + $"kernel {expected}, generated {actual}";
            }

            if (problem is not null && mismatchCount++ < 10)
            {
                mismatches.Add($"case {i}: {cases} VM: {vm}: {problem}\n{Linux71Traps.Explain(state, profile, esr)}");
            }

            reasons[(int)actual.Reason]++;
            outcomes[(int)actual.Outcome]++;
            filtered += actual.Filter != 0 ? 1 : 0;
            nxsByFineGrained += cases.AimedAtNxs && actual.Reason == DecisionReason.FineGrainedTrap ? 1 : 0;
            undefinedWithoutNv += actual.Outcome == TrapOutcome.Undefined && !cases.HasNestedVirt ? 1 : 0;
            if (actual.Member == Linux71Traps.Groups.MDCR_HPMN)
            {
                byHpmn++;
                byHpmnInHostEl0 += Kernel.VcpuIsHostEl0(vm.Reference, cases.Vcpu) ? 1 : 0;
            }

            if (cases.AimedAtPmu && (actual.Member == Linux71Traps.Groups.MDCR_HPMN || actual.Reason is DecisionReason.NotTrapped or DecisionReason.HostEl0NotForwarded))
            {
                pmu[cases.AimedAtIndirectPmu ? 1 : 0, actual.Member == Linux71Traps.Groups.MDCR_HPMN ? 1 : 0]++;
            }
        }

        double seconds = stopwatch.Elapsed.TotalSeconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        string counts = string.Join(", ", Enum.GetValues<DecisionReason>().Select(r => $"{r} {reasons[(int)r]}"));
        Assert.True(mismatchCount == 0, $"{mismatchCount} of {Cases} cases (seed {Seed}) differ from the kernel oracle; the first:\n" + string.Join("\n", mismatches));

        // The mix must reach every outcome, every reason the engine gives, the filter and the PMU
        // condition both ways, or the comparison proves little.
        Assert.InRange(withDefault, Cases * 2 / 5, Cases * 3 / 5);
        Assert.InRange(outcomes[(int)TrapOutcome.Forward], Cases / 20, Cases - (Cases / 20));
        Assert.True(outcomes[(int)TrapOutcome.Undefined] >= 1_000, $"only {outcomes[(int)TrapOutcome.Undefined]} undefined");
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

        Assert.True(undefinedWithoutNv >= 50, $"only {undefinedWithoutNv} undefined without nested virtualization");
        Assert.True(filtered >= 500, $"only {filtered} decisions with the nXS filter on");
        Assert.True(nxsByFineGrained >= 500, $"only {nxsByFineGrained} nXS TLBIs forwarded by HFGITR_EL2 (filter off)");
        Assert.True(byHpmn >= 1_000, $"only {byHpmn} forwarded by MDCR_HPMN");
        Assert.True(byHpmnInHostEl0 >= 100, $"only {byHpmnInHostEl0} forwarded by MDCR_HPMN in host EL0");
        foreach (var (kind, accessors) in new[] { (0, "PMEVCNTR<n>_EL0/PMEVTYPER<n>_EL0"), (1, "PMXEVCNTR_EL0/PMXEVTYPER_EL0") })
        {
            Assert.True(pmu[kind, 1] >= 500, $"only {pmu[kind, 1]} {accessors} accesses forwarded by MDCR_HPMN");
            Assert.True(pmu[kind, 0] >= 500, $"only {pmu[kind, 0]} {accessors} accesses not trapped");
        }

        Console.WriteLine($"{Cases} cases against Linux71Reference ({withDefault} full-featured VM) in {seconds:F1} s ({allocated >> 20} MiB allocated): {counts}; "
            + $"{filtered} filtered, {nxsByFineGrained} nXS by HFGITR, {byHpmn} by MDCR_HPMN ({byHpmnInHostEl0} in host EL0), "
            + $"PMU direct {pmu[0, 1]} forwarded/{pmu[0, 0]} not, indirect {pmu[1, 1]}/{pmu[1, 0]}, {undefinedWithoutNv} undefined without NV");
    }
}
